package com.cloudpartner.gateway.security;

import java.util.List;
import java.util.Set;

import com.cloudpartner.support.problem.ApiProblem;
import com.cloudpartner.support.security.VerifiedToken;

import org.springframework.http.HttpMethod;

/**
 * The tenant boundary the gateway enforces before anything reaches a service (which
 * applies its own, finer rules again): a token acts only on its own partner account, a
 * console token only on the few paths of its own customer, the reads of its account's
 * jobs (which entitlement-service narrows to that customer) and the catalog reads, a
 * usage-only token only sends usage, operator-only areas stay operators', and the shared
 * catalog (with the public OS images) is read by every token but written by operators
 * only.
 */
class AccessPolicy {

	/** Areas under {@code /v1} only operators reach. */
	private static final Set<String> OPERATOR_AREAS = Set.of("billing-runs", "billing-export", "signing-keys",
			"audit-log", "provider");

	/** The shared catalog: every token reads it, operators write it. */
	private static final Set<String> CATALOG_AREAS = Set.of("products", "offers", "operations", "os-images");

	private static final Set<String> CONSOLE_RESOURCES = Set.of("servers", "disks", "snapshots", "images", "public-ips",
			"load-balancers", "buckets", "jobs");

	/**
	 * Checks one request.
	 * @param method the request method
	 * @param segments the decoded path segments, starting with {@code v1}
	 * @param token the verified token
	 * @throws ApiProblem 403 when the token may not make this request
	 */
	void check(HttpMethod method, List<String> segments, VerifiedToken token) {
		if (token.isOperator() && !isConsoleToken(token)) {
			return;
		}
		String area = (segments.size() > 1) ? segments.get(1) : "";
		if ("usage-events".equals(area)) {
			if (isConsoleToken(token) || !token.hasScope(VerifiedToken.USAGE_WRITE)) {
				throw ApiProblem.forbidden("SCOPE_MISSING", "Sending usage needs the scope 'usage.write'.");
			}
			return;
		}
		if (isUsageWriterOnly(token)) {
			throw ApiProblem.forbidden("SCOPE_MISSING", "A token with only 'usage.write' may only send usage.");
		}
		if (OPERATOR_AREAS.contains(area)) {
			throw ApiProblem.forbidden("OPERATOR_ONLY", "Only an operator may do this.");
		}
		if (CATALOG_AREAS.contains(area)) {
			checkCatalog(method, segments);
			return;
		}
		if ("accounts".equals(area) && segments.size() > 2) {
			checkAccount(method, segments, token);
			return;
		}
		if (isConsoleToken(token) && !area.isEmpty()) {
			throw ApiProblem.forbidden("CONSOLE_PATH_FORBIDDEN",
					"A console token reaches only its own customer's console paths.");
		}
	}

	private static void checkCatalog(HttpMethod method, List<String> segments) {
		// v1 / offers / {o} / availability[.csv] is the operator's list of partners
		boolean availability = segments.size() > 3 && "offers".equals(segments.get(1))
				&& segments.get(3).startsWith("availability");
		if (!isRead(method) || availability) {
			throw ApiProblem.forbidden("OPERATOR_ONLY", "Only an operator may do this.");
		}
	}

	private static boolean isUsageWriterOnly(VerifiedToken token) {
		return token.hasScope(VerifiedToken.USAGE_WRITE) && !token.hasScope(VerifiedToken.PARTNER)
				&& !token.hasScope(VerifiedToken.PARTNER_READ) && !token.hasScope(VerifiedToken.MEMBER);
	}

	private void checkAccount(HttpMethod method, List<String> segments, VerifiedToken token) {
		String account = segments.get(2);
		// a token minted for the console stays confined to the console's paths, whatever
		// its scopes say
		if (isConsoleToken(token)) {
			if (!consoleMayReach(method, segments, account, token)) {
				throw ApiProblem.forbidden("CONSOLE_PATH_FORBIDDEN",
						"A console token reaches only its own customer's console paths.");
			}
			return;
		}
		if (!token.actsForAccount(account)) {
			throw ApiProblem.forbidden("ACCOUNT_FORBIDDEN", "The token may not act on account " + account + ".");
		}
		if (!token.hasScope(VerifiedToken.PARTNER) && !isRead(method)) {
			throw ApiProblem.forbidden("ACCOUNT_FORBIDDEN",
					"The token may only read account " + account + " (scope 'partner.read').");
		}
	}

	private static boolean consoleMayReach(HttpMethod method, List<String> segments, String account,
			VerifiedToken token) {
		if (!account.equals(token.accountId()) || token.customerId() == null || segments.size() < 4) {
			return false;
		}
		// v1 / accounts / {a} / jobs [/ {j}]: entitlement-service keeps it to the token's
		// customer (the list is filtered to it, another customer's job is not found)
		if ("jobs".equals(segments.get(3))) {
			return isRead(method) && segments.size() <= 5;
		}
		// v1 / accounts / {a} / customers / {c} / {kind} [/ ...]
		if (segments.size() < 6 || !"customers".equals(segments.get(3))
				|| !token.customerId().equals(segments.get(4))) {
			return false;
		}
		String kind = segments.get(5);
		return switch (kind) {
			case "entitlements", "billing" -> isRead(method);
			case "purchasable-skus" -> isRead(method) && segments.size() == 6;
			case "transfer-tokens" -> HttpMethod.POST.equals(method) && segments.size() == 6;
			default -> CONSOLE_RESOURCES.contains(kind);
		};
	}

	private static boolean isConsoleToken(VerifiedToken token) {
		return token.audience().contains(VerifiedToken.CONSOLE);
	}

	private static boolean isRead(HttpMethod method) {
		return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
	}

}
