package com.cloudpartner.console.partner;

import java.time.Instant;
import java.util.Map;

import com.cloudpartner.console.upstream.ServiceEndpoints;
import com.cloudpartner.console.upstream.UpstreamUnavailableException;
import com.cloudpartner.support.security.InvalidTokenException;
import com.cloudpartner.support.security.TokenVerifier;
import com.cloudpartner.support.security.VerifiedToken;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Asks partner-service for a fresh console token of a customer, so that a console session
 * can outlive the five-minute token that opened it. The new token is verified like any
 * other before the console uses it.
 */
@Component
public class ConsoleTokenMinter {

	private final RestClient http;

	private final ServiceEndpoints endpoints;

	private final ServiceTokens tokens;

	private final TokenVerifier verifier;

	ConsoleTokenMinter(RestClient upstream, ServiceEndpoints endpoints, ServiceTokens tokens, TokenVerifier verifier) {
		this.http = upstream;
		this.endpoints = endpoints;
		this.tokens = tokens;
		this.verifier = verifier;
	}

	public MintedToken mint(String accountId, String customerId) {
		ConsoleTokenResponse response;
		try {
			response = this.tokens.call((token) -> this.http.post()
				.uri(UriComponentsBuilder.fromUri(this.endpoints.partner())
					.path("/v1/accounts/{accountId}/customers/{customerId}/console-tokens")
					.buildAndExpand(accountId, customerId)
					.encode()
					.toUri())
				.headers((headers) -> headers.setBearerAuth(token))
				.contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.APPLICATION_JSON)
				.body(Map.of())
				.retrieve()
				.body(ConsoleTokenResponse.class));
		}
		catch (RestClientResponseException ex) {
			if (PartnerSuspendedException.isSuspension(ex)) {
				throw new PartnerSuspendedException(accountId);
			}
			throw new UpstreamUnavailableException("partner-service did not mint a console token", ex);
		}
		catch (RestClientException ex) {
			throw new UpstreamUnavailableException("partner-service did not mint a console token", ex);
		}
		if (response == null || response.token() == null) {
			throw new UpstreamUnavailableException("partner-service answered without a console token");
		}
		try {
			VerifiedToken verified = this.verifier.verify(response.token());
			if (!verified.isConsole() || !accountId.equals(verified.accountId())
					|| !customerId.equals(verified.customerId())) {
				throw new UpstreamUnavailableException("partner-service minted a token for another customer");
			}
			return new MintedToken(response.token(), verified.expiresAt());
		}
		catch (InvalidTokenException ex) {
			throw new UpstreamUnavailableException("partner-service minted a token that does not verify", ex);
		}
	}

	/** A console token and its expiry. */
	public record MintedToken(String value, Instant expiresAt) {

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record ConsoleTokenResponse(String token, Long expiresIn, String consoleUrl) {

	}

}
