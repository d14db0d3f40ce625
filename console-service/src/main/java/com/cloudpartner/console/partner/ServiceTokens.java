package com.cloudpartner.console.partner;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import com.cloudpartner.console.config.ConsoleProperties;
import com.cloudpartner.console.upstream.ServiceEndpoints;
import com.cloudpartner.console.upstream.UpstreamUnavailableException;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * console-service's own access token ({@code console.issuer}), obtained from
 * partner-service with its client credential and reused until shortly before it expires.
 */
@Component
public class ServiceTokens {

	static final String SCOPE = "console.issuer";

	private final RestClient http;

	private final URI tokenUri;

	private final ConsoleProperties properties;

	private final Clock clock;

	private final ReentrantLock lock = new ReentrantLock();

	private volatile Cached cached;

	ServiceTokens(RestClient upstream, ServiceEndpoints endpoints, ConsoleProperties properties, Clock clock) {
		this.http = upstream;
		this.tokenUri = endpoints.partner().resolve("/v1/oauth/token");
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Runs a call with the service token; when partner-service answers 401 (a rotated
	 * key, say), fetches a new token once and repeats the call.
	 */
	<T> T call(Function<String, T> call) {
		String token = current();
		try {
			return call.apply(token);
		}
		catch (HttpClientErrorException.Unauthorized ex) {
			invalidate(token);
			return call.apply(current());
		}
	}

	String current() {
		Cached token = this.cached;
		if (token != null && token.isFresh(this.clock.instant(), this.properties.tokenRefreshMargin())) {
			return token.value();
		}
		this.lock.lock();
		try {
			token = this.cached;
			if (token == null || !token.isFresh(this.clock.instant(), this.properties.tokenRefreshMargin())) {
				token = fetch();
				this.cached = token;
			}
			return token.value();
		}
		finally {
			this.lock.unlock();
		}
	}

	void invalidate(String token) {
		Cached current = this.cached;
		if (current != null && current.value().equals(token)) {
			this.cached = null;
		}
	}

	private Cached fetch() {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("grant_type", "client_credentials");
		form.add("scope", SCOPE);
		TokenResponse response;
		try {
			response = this.http.post()
				.uri(this.tokenUri)
				.headers((headers) -> headers.setBasicAuth(this.properties.clientId(), this.properties.clientSecret()))
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.accept(MediaType.APPLICATION_JSON)
				.body(form)
				.retrieve()
				.body(TokenResponse.class);
		}
		catch (RestClientException ex) {
			throw new UpstreamUnavailableException("partner-service did not issue console-service's token", ex);
		}
		if (response == null || response.accessToken() == null || response.accessToken().isBlank()) {
			throw new UpstreamUnavailableException("partner-service answered the token request without a token");
		}
		long lifetime = (response.expiresIn() != null && response.expiresIn() > 0) ? response.expiresIn() : 60;
		return new Cached(response.accessToken(), this.clock.instant().plusSeconds(lifetime));
	}

	private record Cached(String value, Instant expiresAt) {

		boolean isFresh(Instant now, Duration margin) {
			return now.isBefore(this.expiresAt.minus(margin));
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record TokenResponse(@JsonProperty("access_token") String accessToken, @JsonProperty("token_type") String tokenType,
			@JsonProperty("expires_in") Long expiresIn, String scope) {

	}

}
