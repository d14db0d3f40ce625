package com.cloudpartner.bench.scg;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;

/**
 * The JWT check both variants run, as the product's gateway does it: RS256 against the
 * issuer's JWKS (fetched once), issuer and audience required, and a verified token kept
 * until it expires, so that a repeated token costs a map lookup and a clock read.
 */
public final class BenchTokens {

	private static final Pattern MODULUS = Pattern.compile("\"n\":\"([^\"]+)\"");

	private static final Pattern EXPONENT = Pattern.compile("\"e\":\"([^\"]+)\"");

	private final URI jwks;

	private final ConcurrentHashMap<String, Long> verified = new ConcurrentHashMap<>();

	private volatile JwtParser parser;

	public BenchTokens(String jwksUri) {
		this.jwks = URI.create(jwksUri);
	}

	/** Whether an {@code Authorization} header holds a valid bearer token. */
	public boolean accepts(String authorization) {
		if (authorization == null || !authorization.startsWith("Bearer ")) {
			return false;
		}
		String token = authorization.substring(7);
		Long expires = this.verified.get(token);
		long now = System.currentTimeMillis();
		if (expires != null) {
			return now < expires;
		}
		try {
			Claims claims = parser().parseSignedClaims(token).getPayload();
			this.verified.put(token, claims.getExpiration().getTime());
			return true;
		}
		catch (JwtException | IllegalArgumentException ex) {
			return false;
		}
	}

	private JwtParser parser() {
		JwtParser current = this.parser;
		if (current == null) {
			current = Jwts.parser()
				.verifyWith(publicKey())
				.requireIssuer("cloud-partner-platform")
				.requireAudience("partner-api")
				.build();
			this.parser = current;
		}
		return current;
	}

	private PublicKey publicKey() {
		try (HttpClient http = HttpClient.newHttpClient()) {
			String body = http.send(HttpRequest.newBuilder(this.jwks).build(), HttpResponse.BodyHandlers.ofString())
				.body();
			Matcher n = MODULUS.matcher(body);
			Matcher e = EXPONENT.matcher(body);
			if (!n.find() || !e.find()) {
				throw new IllegalStateException("No RSA key in " + body);
			}
			Base64.Decoder b64 = Base64.getUrlDecoder();
			return KeyFactory.getInstance("RSA")
				.generatePublic(new RSAPublicKeySpec(new BigInteger(1, b64.decode(n.group(1))),
						new BigInteger(1, b64.decode(e.group(1)))));
		}
		catch (Exception ex) {
			throw new IllegalStateException("JWKS not readable at " + this.jwks, ex);
		}
	}

	/** Whether a path needs a token: the bench's public route is GET /v1/offers/**. */
	public static boolean needsToken(String path) {
		return path.startsWith("/v1/") && !path.startsWith("/v1/offers/");
	}

}
