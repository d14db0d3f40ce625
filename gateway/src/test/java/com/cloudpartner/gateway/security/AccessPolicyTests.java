package com.cloudpartner.gateway.security;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.cloudpartner.support.problem.ApiProblem;
import com.cloudpartner.support.security.VerifiedToken;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessPolicyTests {

	private final AccessPolicy policy = new AccessPolicy();

	private static final VerifiedToken PARTNER = token(Set.of("partner-api"), Set.of("partner"), "acme", null);

	private static final VerifiedToken READER = token(Set.of("partner-api"), Set.of("partner.read"), "acme", null);

	private static final VerifiedToken OPERATOR = token(Set.of("partner-api"), Set.of("operator"), null, null);

	private static final VerifiedToken CONSOLE = token(Set.of("console"), Set.of("console"), "acme", "c1");

	private static final VerifiedToken MEMBER = token(Set.of("partner-api"), Set.of("member"), null, null);

	@Test
	void operatorReachesEveryAccount() {
		allowed(HttpMethod.POST, "/v1/accounts/globex/suspend", OPERATOR);
		allowed(HttpMethod.POST, "/v1/usage-events", OPERATOR);
	}

	@Test
	void partnerActsOnlyOnItsOwnAccount() {
		allowed(HttpMethod.DELETE, "/v1/accounts/acme/customers/c1", PARTNER);
		denied(HttpMethod.GET, "/v1/accounts/globex", PARTNER, "ACCOUNT_FORBIDDEN");
		denied(HttpMethod.GET, "/v1/accounts/acme", MEMBER, "ACCOUNT_FORBIDDEN");
	}

	@Test
	void readOnlyPartnerOnlyReads() {
		allowed(HttpMethod.GET, "/v1/accounts/acme/invoices", READER);
		allowed(HttpMethod.HEAD, "/v1/accounts/acme/invoices", READER);
		denied(HttpMethod.POST, "/v1/accounts/acme/invoices/i1/payments", READER, "ACCOUNT_FORBIDDEN");
	}

	@Test
	void consoleReachesOnlyItsCustomersConsolePaths() {
		allowed(HttpMethod.GET, "/v1/accounts/acme/customers/c1/entitlements/e1", CONSOLE);
		allowed(HttpMethod.GET, "/v1/accounts/acme/customers/c1/billing/current-month", CONSOLE);
		allowed(HttpMethod.POST, "/v1/accounts/acme/customers/c1/transfer-tokens", CONSOLE);
		allowed(HttpMethod.POST, "/v1/accounts/acme/customers/c1/servers/s1/reboot", CONSOLE);
		allowed(HttpMethod.DELETE, "/v1/accounts/acme/customers/c1/buckets/b1", CONSOLE);
		allowed(HttpMethod.GET, "/v1/accounts/acme/customers/c1/jobs", CONSOLE);
		denied(HttpMethod.POST, "/v1/accounts/acme/customers/c1/entitlements", CONSOLE, "CONSOLE_PATH_FORBIDDEN");
		denied(HttpMethod.PUT, "/v1/accounts/acme/customers/c1/repricing-config", CONSOLE, "CONSOLE_PATH_FORBIDDEN");
		denied(HttpMethod.GET, "/v1/accounts/acme/customers/c1", CONSOLE, "CONSOLE_PATH_FORBIDDEN");
		denied(HttpMethod.GET, "/v1/accounts/acme/customers/c2/entitlements", CONSOLE, "CONSOLE_PATH_FORBIDDEN");
		denied(HttpMethod.GET, "/v1/accounts/other/customers/c1/entitlements", CONSOLE, "CONSOLE_PATH_FORBIDDEN");
		denied(HttpMethod.GET, "/v1/accounts/acme/resources", CONSOLE, "CONSOLE_PATH_FORBIDDEN");
	}

	@Test
	void consoleReadsItsOwnPurchasableSkusOnly() {
		allowed(HttpMethod.GET, "/v1/accounts/acme/customers/c1/purchasable-skus", CONSOLE);
		denied(HttpMethod.GET, "/v1/accounts/acme/customers/c2/purchasable-skus", CONSOLE, "CONSOLE_PATH_FORBIDDEN");
		denied(HttpMethod.GET, "/v1/accounts/other/customers/c1/purchasable-skus", CONSOLE, "CONSOLE_PATH_FORBIDDEN");
		denied(HttpMethod.POST, "/v1/accounts/acme/customers/c1/purchasable-skus", CONSOLE, "CONSOLE_PATH_FORBIDDEN");
		denied(HttpMethod.GET, "/v1/accounts/acme/customers/c1/purchasable-skus/x", CONSOLE, "CONSOLE_PATH_FORBIDDEN");
		denied(HttpMethod.GET, "/v1/accounts/acme/customers/c1/purchasable-offers", CONSOLE, "CONSOLE_PATH_FORBIDDEN");
		denied(HttpMethod.POST, "/v1/accounts/acme/customers/c1/query-eligible-billing-accounts", CONSOLE,
				"CONSOLE_PATH_FORBIDDEN");
	}

	@Test
	void consoleReadsItsAccountsJobPathsWhichTheServiceNarrowsToItsCustomer() {
		allowed(HttpMethod.GET, "/v1/accounts/acme/jobs", CONSOLE);
		allowed(HttpMethod.GET, "/v1/accounts/acme/jobs/j1", CONSOLE);
		denied(HttpMethod.GET, "/v1/accounts/other/jobs", CONSOLE, "CONSOLE_PATH_FORBIDDEN");
		denied(HttpMethod.GET, "/v1/accounts/other/jobs/j1", CONSOLE, "CONSOLE_PATH_FORBIDDEN");
		denied(HttpMethod.POST, "/v1/accounts/acme/jobs", CONSOLE, "CONSOLE_PATH_FORBIDDEN");
		denied(HttpMethod.DELETE, "/v1/accounts/acme/jobs/j1", CONSOLE, "CONSOLE_PATH_FORBIDDEN");
		denied(HttpMethod.GET, "/v1/accounts/acme/jobs/j1/x", CONSOLE, "CONSOLE_PATH_FORBIDDEN");
		VerifiedToken noCustomer = token(Set.of("console"), Set.of("console"), "acme", null);
		denied(HttpMethod.GET, "/v1/accounts/acme/jobs", noCustomer, "CONSOLE_PATH_FORBIDDEN");
	}

	@Test
	void partnerListsItsResourcesAcrossCustomers() {
		allowed(HttpMethod.GET, "/v1/accounts/acme/resources", PARTNER);
		allowed(HttpMethod.GET, "/v1/accounts/acme/resources", READER);
		denied(HttpMethod.GET, "/v1/accounts/globex/resources", PARTNER, "ACCOUNT_FORBIDDEN");
	}

	@Test
	void everyTokenReadsTheOsImagesAndNoneButOperatorsWritesThem() {
		allowed(HttpMethod.GET, "/v1/os-images", CONSOLE);
		allowed(HttpMethod.GET, "/v1/os-images/ubuntu-24.04", PARTNER);
		allowed(HttpMethod.GET, "/v1/os-images", MEMBER);
		denied(HttpMethod.POST, "/v1/os-images", PARTNER, "OPERATOR_ONLY");
		denied(HttpMethod.GET, "/v1/os-images", token(Set.of("partner-api"), Set.of("usage.write"), "acme", null),
				"SCOPE_MISSING");
	}

	@Test
	void consoleAudienceConfinesEvenAPartnerScope() {
		VerifiedToken odd = token(Set.of("console"), Set.of("partner", "console"), "acme", "c1");
		denied(HttpMethod.GET, "/v1/accounts/acme", odd, "CONSOLE_PATH_FORBIDDEN");
	}

	@Test
	void usageNeedsUsageWrite() {
		allowed(HttpMethod.POST, "/v1/usage-events", token(Set.of("partner-api"), Set.of("usage.write"), "acme", null));
		denied(HttpMethod.POST, "/v1/usage-events", PARTNER, "SCOPE_MISSING");
		denied(HttpMethod.POST, "/v1/usage-events", CONSOLE, "SCOPE_MISSING");
	}

	@Test
	void otherPathsPassAnyVerifiedToken() {
		allowed(HttpMethod.GET, "/v1/products", CONSOLE);
		allowed(HttpMethod.POST, "/v1/partner-applications", MEMBER);
	}

	@Test
	void refusesPathsThatServicesWouldReadDifferently() {
		for (String path : List.of("/v1/accounts/acme/customers/c1/servers/../../c2", "/v1/accounts/a%2Fb",
				"/v1/accounts//acme", "/v1/accounts/acme;x=1/customers", "/v1/accounts/%2e%2e/acme")) {
			assertThatThrownBy(() -> BearerTokenGlobalFilter.segmentsOf(PathContainer.parsePath(path))).as(path)
				.isInstanceOfSatisfying(ApiProblem.class,
						(problem) -> org.assertj.core.api.Assertions.assertThat(problem.code())
							.isEqualTo("INVALID_PATH"));
		}
	}

	private void allowed(HttpMethod method, String path, VerifiedToken token) {
		assertThatCode(() -> this.policy.check(method, segments(path), token)).as(path).doesNotThrowAnyException();
	}

	private void denied(HttpMethod method, String path, VerifiedToken token, String code) {
		assertThatThrownBy(() -> this.policy.check(method, segments(path), token)).as(path)
			.isInstanceOfSatisfying(ApiProblem.class,
					(problem) -> org.assertj.core.api.Assertions.assertThat(problem.code()).isEqualTo(code));
	}

	private static List<String> segments(String path) {
		return BearerTokenGlobalFilter.segmentsOf(PathContainer.parsePath(path));
	}

	private static VerifiedToken token(Set<String> audience, Set<String> scopes, String account, String customer) {
		return new VerifiedToken("sub", audience, scopes, account, customer, "jti", Instant.now().plusSeconds(300));
	}

}
