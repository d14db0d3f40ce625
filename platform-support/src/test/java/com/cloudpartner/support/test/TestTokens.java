package com.cloudpartner.support.test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

import com.sun.net.httpserver.HttpServer;
import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;

/**
 * A stand-in token issuer for services under test: a real RSA key, a real JWKS served
 * over HTTP on a loopback port, and tokens shaped like partner-service's. A second key
 * that the JWKS never publishes makes forged tokens.
 */
public final class TestTokens {

	public static final String ISSUER = "cloud-partner-platform";

	private static final KeyPair KEY = generate();

	private static final KeyPair FORGER = generate();

	private static final String KID = "test-key-1";

	private static URI jwksUri;

	private TestTokens() {
	}

	public static synchronized URI jwksUri() {
		if (jwksUri == null) {
			jwksUri = serveJwks();
		}
		return jwksUri;
	}

	public static String operator() {
		return builder("local-operator", "partner-api", "operator", Duration.ofMinutes(15)).compact();
	}

	public static String partner(String accountId) {
		return builder("client-" + accountId, "partner-api", "partner", Duration.ofMinutes(15)).claim("acct", accountId)
			.compact();
	}

	public static String usageWriter(String accountId) {
		return builder("usage-" + accountId, "partner-api", "usage.write", Duration.ofMinutes(15))
			.claim("acct", accountId)
			.compact();
	}

	public static String console(String accountId, String customerId) {
		return builder("customer-" + customerId, "console", "console", Duration.ofMinutes(5)).claim("acct", accountId)
			.claim("cust", customerId)
			.compact();
	}

	public static String expiredPartner(String accountId) {
		Instant past = Instant.now().minus(Duration.ofHours(2));
		return Jwts.builder()
			.header()
			.keyId(KID)
			.and()
			.issuer(ISSUER)
			.subject("client-" + accountId)
			.audience()
			.add("partner-api")
			.and()
			.claim("scope", "partner")
			.claim("acct", accountId)
			.id(UUID.randomUUID().toString())
			.issuedAt(Date.from(past))
			.notBefore(Date.from(past))
			.expiration(Date.from(past.plus(Duration.ofMinutes(15))))
			.signWith(KEY.getPrivate(), Jwts.SIG.RS256)
			.compact();
	}

	/** Signed with a key the JWKS does not hold, under the published key id. */
	public static String forgedPartner(String accountId) {
		return builder("client-" + accountId, "partner-api", "partner", Duration.ofMinutes(15), FORGER.getPrivate())
			.claim("acct", accountId)
			.compact();
	}

	public static JwtBuilder builder(String subject, String audience, String scope, Duration lifetime) {
		return builder(subject, audience, scope, lifetime, KEY.getPrivate());
	}

	private static JwtBuilder builder(String subject, String audience, String scope, Duration lifetime,
			PrivateKey key) {
		Instant now = Instant.now();
		return Jwts.builder()
			.header()
			.keyId(KID)
			.and()
			.issuer(ISSUER)
			.subject(subject)
			.audience()
			.add(audience)
			.and()
			.claim("scope", scope)
			.id(UUID.randomUUID().toString())
			.issuedAt(Date.from(now))
			.notBefore(Date.from(now))
			.expiration(Date.from(now.plus(lifetime)))
			.signWith(key, Jwts.SIG.RS256);
	}

	private static URI serveJwks() {
		RSAPublicKey publicKey = (RSAPublicKey) KEY.getPublic();
		Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
		String json = "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + KID + "\",\"n\":\""
				+ b64.encodeToString(unsigned(publicKey.getModulus().toByteArray())) + "\",\"e\":\""
				+ b64.encodeToString(unsigned(publicKey.getPublicExponent().toByteArray())) + "\"}]}";
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/.well-known/jwks.json", (exchange) -> {
				byte[] body = json.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, body.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			});
			server.start();
			return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] unsigned(byte[] bytes) {
		if (bytes.length > 1 && bytes[0] == 0) {
			byte[] trimmed = new byte[bytes.length - 1];
			System.arraycopy(bytes, 1, trimmed, 0, trimmed.length);
			return trimmed;
		}
		return bytes;
	}

	private static KeyPair generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
