package com.cloudpartner.support.security;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.SecretKey;

import com.sun.net.httpserver.HttpServer;
import io.jsonwebtoken.Jwts;
import org.junit.jupiter.api.Test;

import com.cloudpartner.support.test.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenVerifierTests {

	private final JwksKeySource keys = new JwksKeySource(TestTokens.jwksUri(), Duration.ofSeconds(10),
			Duration.ofMinutes(10), Clock.systemUTC());

	private final TokenVerifier verifier = new TokenVerifier(this.keys, TestTokens.ISSUER,
			List.of("partner-api", "console"), Duration.ofSeconds(30), Clock.systemUTC());

	@Test
	void acceptsAPartnerTokenAndReadsItsClaims() {
		VerifiedToken token = this.verifier.verify(TestTokens.partner("acc-1"));
		assertThat(token.accountId()).isEqualTo("acc-1");
		assertThat(token.scopes()).containsExactly("partner");
		assertThat(token.actsForAccount("acc-1")).isTrue();
		assertThat(token.actsForAccount("acc-2")).isFalse();
	}

	@Test
	void readsTheCustomerOfAConsoleToken() {
		VerifiedToken token = this.verifier.verify(TestTokens.console("acc-1", "cus-9"));
		assertThat(token.isConsole()).isTrue();
		assertThat(token.customerId()).isEqualTo("cus-9");
		assertThat(token.actsForAccount("acc-1")).isFalse();
	}

	@Test
	void refusesAnExpiredToken() {
		assertThatThrownBy(() -> this.verifier.verify(TestTokens.expiredPartner("acc-1")))
			.isInstanceOf(InvalidTokenException.class)
			.hasMessageContaining("expired");
	}

	@Test
	void refusesATokenSignedByAnotherKey() {
		assertThatThrownBy(() -> this.verifier.verify(TestTokens.forgedPartner("acc-1")))
			.isInstanceOf(InvalidTokenException.class);
	}

	@Test
	void refusesAnHmacTokenEvenUnderAKnownKeyId() {
		SecretKey secret = Jwts.SIG.HS256.key().build();
		String token = Jwts.builder()
			.header()
			.keyId("test-key-1")
			.and()
			.issuer(TestTokens.ISSUER)
			.audience()
			.add("partner-api")
			.and()
			.claim("scope", "operator")
			.expiration(java.util.Date.from(Instant.now().plusSeconds(60)))
			.signWith(secret)
			.compact();
		assertThatThrownBy(() -> this.verifier.verify(token)).isInstanceOf(InvalidTokenException.class)
			.hasMessageContaining("RS256");
	}

	@Test
	void refusesAnUnsignedToken() {
		String token = Jwts.builder()
			.issuer(TestTokens.ISSUER)
			.audience()
			.add("partner-api")
			.and()
			.claim("scope", "operator")
			.compact();
		assertThatThrownBy(() -> this.verifier.verify(token)).isInstanceOf(InvalidTokenException.class);
	}

	@Test
	void refusesAnotherAudienceOrIssuer() {
		String otherAudience = TestTokens.builder("x", "somebody-else", "partner", Duration.ofMinutes(5)).compact();
		assertThatThrownBy(() -> this.verifier.verify(otherAudience)).isInstanceOf(InvalidTokenException.class);
		String otherIssuer = TestTokens.builder("x", "partner-api", "partner", Duration.ofMinutes(5))
			.issuer("evil")
			.compact();
		assertThatThrownBy(() -> this.verifier.verify(otherIssuer)).isInstanceOf(InvalidTokenException.class);
	}

	@Test
	void refusesATokenWithoutKeyId() {
		String token = TestTokens.builder("x", "partner-api", "partner", Duration.ofMinutes(5))
			.header()
			.keyId(null)
			.and()
			.compact();
		assertThatThrownBy(() -> this.verifier.verify(token)).isInstanceOf(InvalidTokenException.class);
	}

	@Test
	void fetchesTheJwksAtMostOncePerIntervalForUnknownKeyIds() throws Exception {
		String jwks = new String(TestTokens.jwksUri().toURL().openStream().readAllBytes(), StandardCharsets.UTF_8);
		AtomicInteger fetches = new AtomicInteger();
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/jwks", (exchange) -> {
			fetches.incrementAndGet();
			byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
		try {
			JwksKeySource throttled = new JwksKeySource(
					URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks"), Duration.ofHours(1),
					Duration.ofHours(1), Clock.systemUTC());
			for (int i = 0; i < 20; i++) {
				assertThat(throttled.find("unknown-" + i)).isEmpty();
			}
			assertThat(throttled.find("test-key-1")).isPresent();
			assertThat(fetches.get()).isEqualTo(1);
		}
		finally {
			server.stop(0);
		}
	}

	@Test
	void aRememberedTokenIsStillRefusedOnceItExpires() {
		MutableClock clock = new MutableClock(Instant.now());
		TokenVerifier remembering = new TokenVerifier(this.keys, TestTokens.ISSUER, List.of("partner-api"),
				Duration.ofSeconds(30), clock, new TokenCache(100, Duration.ofMinutes(5), clock));
		String token = TestTokens.builder("partner-acc-1", "partner-api", "partner", Duration.ofMinutes(1))
			.claim("acct", "acc-1")
			.compact();
		assertThat(remembering.verify(token).accountId()).isEqualTo("acc-1");
		assertThat(remembering.remembered(token)).isNotNull();
		// past exp the cache forgets it; within the clock skew the signature still
		// verifies
		clock.now = clock.now.plusSeconds(85);
		assertThat(remembering.remembered(token)).isNull();
		assertThat(remembering.verify(token).accountId()).isEqualTo("acc-1");
		clock.now = clock.now.plusSeconds(10);
		assertThatThrownBy(() -> remembering.verify(token)).isInstanceOf(InvalidTokenException.class)
			.hasMessageContaining("expired");
	}

	@Test
	void aRememberedTokenIsTrustedNoLongerThanTheCachesTtl() {
		MutableClock clock = new MutableClock(Instant.now());
		AtomicBoolean rotatedOut = new AtomicBoolean();
		KeySource rotating = (kid) -> rotatedOut.get() ? Optional.empty() : this.keys.find(kid);
		TokenVerifier remembering = new TokenVerifier(rotating, TestTokens.ISSUER, List.of("partner-api"),
				Duration.ofSeconds(30), clock, new TokenCache(100, Duration.ofMinutes(5), clock));
		String token = TestTokens.builder("partner-acc-1", "partner-api", "partner", Duration.ofHours(1))
			.claim("acct", "acc-1")
			.compact();
		assertThat(remembering.verify(token).accountId()).isEqualTo("acc-1");
		rotatedOut.set(true);
		clock.now = clock.now.plus(Duration.ofMinutes(4));
		assertThat(remembering.verify(token).accountId()).isEqualTo("acc-1");
		clock.now = clock.now.plus(Duration.ofMinutes(1));
		assertThatThrownBy(() -> remembering.verify(token)).isInstanceOf(InvalidTokenException.class)
			.hasMessageContaining("unknown key");
	}

	@Test
	void aTokenChangedInAnyCharacterIsNotTheRememberedOne() {
		TokenVerifier remembering = new TokenVerifier(this.keys, TestTokens.ISSUER, List.of("partner-api"),
				Duration.ofSeconds(30), Clock.systemUTC(),
				new TokenCache(100, Duration.ofMinutes(5), Clock.systemUTC()));
		String token = TestTokens.partner("acc-1");
		assertThat(remembering.verify(token).accountId()).isEqualTo("acc-1");
		String[] parts = token.split("\\.");
		String tamperedSignature = parts[0] + "." + parts[1] + "." + flipped(parts[2]);
		assertThatThrownBy(() -> remembering.verify(tamperedSignature)).isInstanceOf(InvalidTokenException.class);
		String tamperedClaims = parts[0] + "." + flipped(parts[1]) + "." + parts[2];
		assertThatThrownBy(() -> remembering.verify(tamperedClaims)).isInstanceOf(InvalidTokenException.class);
		assertThat(remembering.remembered(token)).isNotNull();
		assertThat(this.verifier.remembered(token)).as("a verifier without a cache remembers nothing").isNull();
	}

	private static String flipped(String base64url) {
		char last = base64url.charAt(10);
		return base64url.substring(0, 10) + ((last == 'A') ? 'B' : 'A') + base64url.substring(11);
	}

	/** A clock the test moves. */
	private static final class MutableClock extends Clock {

		Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
