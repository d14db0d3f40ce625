package com.cloudpartner.partner.clients;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.security.SecureRandom;

import com.cloudpartner.partner.accounts.PartnerAccountManagement;
import com.cloudpartner.partner.paging.PageRequest;
import com.cloudpartner.support.problem.ApiProblem;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API clients: partner credentials (created, listed, revoked per account), the platform's
 * own clients (operator, console service) and the check of a presented secret.
 */
@Service
public class ApiClientManagement {

	/** What a partner credential may be granted. */
	static final Set<String> PARTNER_SCOPES = Set.of("partner", "partner.read", "usage.write");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ApiClientRepository clients;

	private final PartnerAccountManagement accounts;

	private final Clock clock;

	ApiClientManagement(ApiClientRepository clients, PartnerAccountManagement accounts, Clock clock) {
		this.clients = clients;
		this.accounts = accounts;
		this.clock = clock;
	}

	/**
	 * A new credential of a partner account; its secret is returned this once.
	 * @param scopes the scopes it may ask for, default {@code partner partner.read
	 * usage.write}
	 */
	@Transactional
	public CreatedClient create(String accountId, Collection<String> scopes, String description) {
		this.accounts.require(accountId);
		Set<String> allowed = (scopes == null || scopes.isEmpty())
				? new LinkedHashSet<>(List.of("partner", "partner.read", "usage.write")) : new LinkedHashSet<>(scopes);
		for (String scope : allowed) {
			if (!PARTNER_SCOPES.contains(scope)) {
				throw ApiProblem.invalidField("scopes", "'" + scope + "' is not one of " + PARTNER_SCOPES);
			}
		}
		List<String> defaults = allowed.contains("partner") ? List.of("partner") : List.copyOf(allowed);
		String clientId = "client-" + HexFormat.of().formatHex(randomBytes(10));
		String secret = SecretHasher.newSecret();
		ApiClient client = new ApiClient(clientId, accountId, allowed, defaults, description, ApiClient.State.ACTIVE,
				now(), null);
		this.clients.insert(client, SecretHasher.hash(secret));
		return new CreatedClient(client, secret);
	}

	public PageRequest.Page<ApiClient> list(String accountId, PageRequest page) {
		this.accounts.require(accountId);
		return page.page(this.clients.list(accountId, page), ApiClient::createTime, ApiClient::clientId);
	}

	/**
	 * @throws ApiProblem 404 {@code CREDENTIAL_NOT_FOUND} unless the account owns it
	 */
	@Transactional
	public void revoke(String accountId, String clientId) {
		if (this.clients.revoke(accountId, clientId, now()) == 0) {
			throw ApiProblem.notFound("CREDENTIAL_NOT_FOUND",
					"Account " + accountId + " has no credential " + clientId + ".");
		}
	}

	/**
	 * The active client with this id and secret, if any. Takes the same time whether or
	 * not the client exists.
	 */
	public Optional<ApiClient> authenticate(String clientId, String secret) {
		Optional<ApiClientRepository.Stored> stored = this.clients.find(clientId);
		String hash = stored.map(ApiClientRepository.Stored::secretHash).orElse(SecretHasher.DUMMY);
		boolean matches = SecretHasher.matches(secret, hash);
		return stored.filter((s) -> matches && s.client().active()).map(ApiClientRepository.Stored::client);
	}

	/**
	 * Makes sure a client configured by the platform exists.
	 * @param overwrite whether an existing client takes the given secret and scopes (the
	 * bootstrap operator, whose secret comes from the environment) or is left alone (demo
	 * data)
	 */
	@Transactional
	public void ensureClient(ConfiguredClient configured, boolean overwrite) {
		ApiClient client = new ApiClient(configured.clientId(), configured.accountId(),
				new LinkedHashSet<>(configured.allowedScopes()), configured.defaultScopes(), configured.description(),
				ApiClient.State.ACTIVE, now(), null);
		String hash = SecretHasher.hash(configured.secret());
		if (!this.clients.insert(client, hash) && overwrite) {
			this.clients.overwrite(client, hash);
		}
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private static byte[] randomBytes(int count) {
		byte[] bytes = new byte[count];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

	/** A new credential and its secret, which is not stored. */
	public record CreatedClient(ApiClient client, String secret) {

		@Override
		public String toString() {
			return "CreatedClient[clientId=" + this.client.clientId() + "]";
		}

	}

	/** A client whose id and secret come from configuration. */
	public record ConfiguredClient(String clientId, String secret, String accountId, List<String> allowedScopes,
			List<String> defaultScopes, String description) {

		@Override
		public String toString() {
			return "ConfiguredClient[clientId=" + this.clientId + "]";
		}

	}

}
