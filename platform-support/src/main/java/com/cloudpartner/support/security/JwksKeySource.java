package com.cloudpartner.support.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.Key;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.JwkSet;
import io.jsonwebtoken.security.Jwks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Public keys read from a JWKS URL and kept in memory. An unknown {@code kid} causes at
 * most one fetch per {@code minRefreshInterval}, so that a flood of tokens with made-up
 * key ids never turns into a flood of fetches. Keys are also refreshed after
 * {@code maxAge} so that retired keys eventually disappear.
 */
public class JwksKeySource implements KeySource {

	private static final Logger log = LoggerFactory.getLogger(JwksKeySource.class);

	private final URI jwksUri;

	private final Duration minRefreshInterval;

	private final Duration maxAge;

	private final Clock clock;

	private final HttpClient http;

	private volatile Map<String, PublicKey> keys = Map.of();

	private volatile Instant lastFetch = Instant.EPOCH;

	public JwksKeySource(URI jwksUri, Duration minRefreshInterval, Duration maxAge, Clock clock) {
		this.jwksUri = jwksUri;
		this.minRefreshInterval = minRefreshInterval;
		this.maxAge = maxAge;
		this.clock = clock;
		this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
	}

	@Override
	public Optional<PublicKey> find(String keyId) {
		PublicKey key = this.keys.get(keyId);
		Instant now = this.clock.instant();
		if (key != null && now.isBefore(this.lastFetch.plus(this.maxAge))) {
			return Optional.of(key);
		}
		refreshIfAllowed(now);
		return Optional.ofNullable(this.keys.get(keyId));
	}

	private synchronized void refreshIfAllowed(Instant now) {
		if (now.isBefore(this.lastFetch.plus(this.minRefreshInterval))) {
			return;
		}
		this.lastFetch = now;
		try {
			HttpResponse<String> response = this.http.send(
					HttpRequest.newBuilder(this.jwksUri).timeout(Duration.ofSeconds(3)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				log.warn("JWKS at {} answered {}", this.jwksUri, response.statusCode());
				return;
			}
			this.keys = parse(response.body());
		}
		catch (IOException ex) {
			log.warn("JWKS at {} could not be read: {}", this.jwksUri, ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static Map<String, PublicKey> parse(String json) {
		JwkSet set = Jwks.setParser().build().parse(json);
		Map<String, PublicKey> parsed = new HashMap<>();
		for (Jwk<?> jwk : set.getKeys()) {
			Key key = jwk.toKey();
			if (jwk.getId() != null && key instanceof PublicKey publicKey) {
				parsed.put(jwk.getId(), publicKey);
			}
		}
		return Map.copyOf(parsed);
	}

}
