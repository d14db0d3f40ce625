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
 * Partners' account settings read from partner-service with console-service's own token
 * and kept for a few minutes. Never fails: while partner-service cannot answer, the
 * console shows no partner name and uses a 30-minute session.
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

	private final Duration ttl;

	private final Clock clock;

	private final Map<String, Entry> cache = new ConcurrentHashMap<>();

	PartnerAccounts(RestClient upstream, ServiceEndpoints endpoints, ServiceTokens tokens, ConsoleProperties properties,
			Clock clock) {
		this.http = upstream;
		this.endpoints = endpoints;
		this.tokens = tokens;
		this.ttl = properties.accountCacheTtl();
		this.clock = clock;
	}

	public PartnerAccount find(String accountId) {
		Instant now = this.clock.instant();
		Entry entry = this.cache.get(accountId);
		if (entry != null && now.isBefore(entry.expiresAt())) {
			return entry.account();
		}
		Entry fresh = load(accountId, now);
		if (this.cache.size() >= MAX_ENTRIES) {
			this.cache.clear();
		}
		this.cache.put(accountId, fresh);
		return fresh.account();
	}

	/**
	 * The account as partner-service has it now, not from the cache: what a console entry
	 * decides on, so that a console token issued before a suspension opens no session.
	 * When partner-service cannot answer, the cached reading (if any) is used.
	 */
	public PartnerAccount current(String accountId) {
		Instant now = this.clock.instant();
		Entry fresh = load(accountId, now);
		Entry cached = this.cache.get(accountId);
		if (fresh.failed() && cached != null) {
			return cached.account();
		}
		this.cache.put(accountId, fresh);
		return fresh.account();
	}

	/**
	 * Forgets the cached account: an upstream said it is suspended, so the next page (and
	 * entry) reads it again.
	 */
	public void forget(String accountId) {
		this.cache.remove(accountId);
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
			return new Entry(response.toAccount(accountId), now.plus(this.ttl), false);
		}
		catch (RuntimeException ex) {
			log.warn("Settings of account {} unavailable, using defaults: {}", accountId, ex.toString());
			return new Entry(PartnerAccount.unknown(accountId), now.plus(FAILURE_TTL), true);
		}
	}

	private record Entry(PartnerAccount account, Instant expiresAt, boolean failed) {

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
