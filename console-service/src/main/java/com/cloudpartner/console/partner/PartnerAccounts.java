package com.cloudpartner.console.partner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.cloudpartner.console.config.ConsoleProperties;
import com.cloudpartner.console.upstream.ServiceEndpoints;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Partners' accounts read from partner-service with console-service's own token. A
 * reading is reused for a few seconds ({@code account-status-ttl}), so that every page of
 * an open session sees a suspension within seconds, for one read per account and few
 * seconds however many pages are shown (decision 0072). Never fails: while
 * partner-service cannot answer, the last reading is used for up to
 * {@code account-cache-ttl}, else the console shows no partner name and uses a 30-minute
 * session.
 */
@Component
public class PartnerAccounts {

	private static final Logger log = LoggerFactory.getLogger(PartnerAccounts.class);

	/** A failed read is retried after this long, not on every page. */
	private static final Duration FAILURE_TTL = Duration.ofSeconds(30);

	private static final int MAX_ENTRIES = 10_000;

	private final RestClient http;

	private final ServiceEndpoints endpoints;

	private final ServiceTokens tokens;

	private final Duration statusTtl;

	private final Duration staleTtl;

	private final Clock clock;

	private final Map<String, Entry> cache = new ConcurrentHashMap<>();

	PartnerAccounts(RestClient upstream, ServiceEndpoints endpoints, ServiceTokens tokens, ConsoleProperties properties,
			Clock clock) {
		this.http = upstream;
		this.endpoints = endpoints;
		this.tokens = tokens;
		this.statusTtl = properties.accountStatusTtl();
		this.staleTtl = properties.accountCacheTtl();
		this.clock = clock;
	}

	/**
	 * The account as read at most {@code account-status-ttl} ago (when partner-service
	 * answers).
	 */
	public PartnerAccount find(String accountId) {
		Instant now = this.clock.instant();
		Entry entry = this.cache.get(accountId);
		if (entry != null && now.isBefore(entry.readAgainAt())) {
			return entry.account();
		}
		return read(accountId, now, entry);
	}

	/**
	 * The account as partner-service has it now, not from the cache: what a console entry
	 * decides on, so that a console token issued before a suspension opens no session.
	 * When partner-service cannot answer, the last reading (if any) is used.
	 */
	public PartnerAccount current(String accountId) {
		Instant now = this.clock.instant();
		return read(accountId, now, this.cache.get(accountId));
	}

	/**
	 * Forgets the cached account: an upstream said it is suspended, so the next page (and
	 * entry) reads it again.
	 */
	public void forget(String accountId) {
		this.cache.remove(accountId);
	}

	private PartnerAccount read(String accountId, Instant now, Entry previous) {
		Entry fresh = load(accountId, now);
		if (fresh.failed() && previous != null && !previous.failed() && now.isBefore(previous.usableUntil())) {
			// keep the last reading, and ask partner-service again after the failure TTL
			fresh = new Entry(previous.account(), now.plus(FAILURE_TTL), previous.usableUntil(), false);
		}
		if (this.cache.size() >= MAX_ENTRIES) {
			this.cache.clear();
		}
		this.cache.put(accountId, fresh);
		return fresh.account();
	}

	private Entry load(String accountId, Instant now) {
		try {
			AccountResponse response = this.tokens.call((token) -> this.http.get()
				.uri(UriComponentsBuilder.fromUri(this.endpoints.partner())
					.path("/v1/accounts/{accountId}")
					.buildAndExpand(accountId)
					.encode()
					.toUri())
				.headers((headers) -> headers.setBearerAuth(token))
				.accept(MediaType.APPLICATION_JSON)
				.retrieve()
				.body(AccountResponse.class));
			if (response == null) {
				throw new IllegalStateException("empty account response");
			}
			return new Entry(response.toAccount(accountId), now.plus(this.statusTtl), now.plus(this.staleTtl), false);
		}
		catch (RuntimeException ex) {
			log.warn("Settings of account {} unavailable, using defaults: {}", accountId, ex.toString());
			return new Entry(PartnerAccount.unknown(accountId), now.plus(FAILURE_TTL), now.plus(FAILURE_TTL), true);
		}
	}

	/**
	 * One reading of an account.
	 *
	 * @param account what was read (or the defaults, when the read failed)
	 * @param readAgainAt when a page reads the account again
	 * @param usableUntil until when the reading stands in while partner-service cannot
	 * answer
	 * @param failed whether the read failed
	 */
	private record Entry(PartnerAccount account, Instant readAgainAt, Instant usableUntil, boolean failed) {

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record AccountResponse(String id, String displayName, Integer consoleSessionTtlMinutes, String consoleLoginUrl,
			BrandingResponse branding, String state) {

		PartnerAccount toAccount(String accountId) {
			BrandingResponse brand = (this.branding != null) ? this.branding : new BrandingResponse(null, null, null);
			return PartnerAccount.of(accountId, this.displayName, brand.displayName(), brand.logoUrl(),
					brand.primaryColor(), this.consoleSessionTtlMinutes, this.consoleLoginUrl,
					"SUSPENDED".equals(this.state));
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record BrandingResponse(String displayName, String logoUrl, String primaryColor) {

	}

}
