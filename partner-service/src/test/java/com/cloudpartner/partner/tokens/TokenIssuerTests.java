package com.cloudpartner.partner.tokens;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.cloudpartner.partner.keys.ActiveKey;
import com.cloudpartner.support.security.InvalidTokenException;
import com.cloudpartner.support.security.TokenVerifier;
import com.cloudpartner.support.security.VerifiedToken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenIssuerTests {

	private static final KeyPair KEY = generate();

	private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	private final Clock clock = Clock.fixed(this.now, ZoneOffset.UTC);

	private final TokenIssuer issuer = new TokenIssuer(() -> new ActiveKey("kid-1", KEY.getPrivate()),
			"cloud-partner-platform", new TokenProperties(null, null), this.clock);

	private final TokenVerifier verifier = new TokenVerifier(
			(kid) -> "kid-1".equals(kid) ? Optional.of(KEY.getPublic()) : Optional.empty(), "cloud-partner-platform",
			List.of("partner-api", "console"), Duration.ofSeconds(30), this.clock);

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void accessTokensCarryThePartnerClaimsForFifteenMinutes() {
		IssuedToken issued = this.issuer.accessToken("client-1", "acc-1", List.of("partner", "usage.write"));
		assertThat(issued.lifetime()).isEqualTo(Duration.ofMinutes(15));
		assertThat(issued.scope()).isEqualTo("partner usage.write");
		VerifiedToken token = this.verifier.verify(issued.token());
		assertThat(token.subject()).isEqualTo("client-1");
		assertThat(token.audience()).containsExactly("partner-api");
		assertThat(token.scopes()).containsExactlyInAnyOrder("partner", "usage.write");
		assertThat(token.accountId()).isEqualTo("acc-1");
		assertThat(token.tokenId()).isNotBlank();
		assertThat(token.expiresAt()).isEqualTo(this.now.plus(Duration.ofMinutes(15)));
		JsonNode header = part(issued.token(), 0);
		assertThat(header.get("alg").asString()).isEqualTo("RS256");
		assertThat(header.get("kid").asString()).isEqualTo("kid-1");
		JsonNode claims = part(issued.token(), 1);
		assertThat(claims.get("iss").asString()).isEqualTo("cloud-partner-platform");
		assertThat(claims.get("iat").asLong()).isEqualTo(this.now.getEpochSecond());
		assertThat(claims.get("nbf").asLong()).isEqualTo(this.now.getEpochSecond());
	}

	@Test
	void operatorTokensHaveNoAccount() {
		VerifiedToken token = this.verifier
			.verify(this.issuer.accessToken("local-operator", null, List.of("operator")).token());
		assertThat(token.isOperator()).isTrue();
		assertThat(token.accountId()).isNull();
		assertThat(part(this.issuer.accessToken("op", null, List.of("operator")).token(), 1).has("acct")).isFalse();
	}

	@Test
	void consoleTokensNameTheCustomerAndLiveFiveMinutes() {
		IssuedToken issued = this.issuer.consoleToken("acc-1", "cus-1", "alice01");
		VerifiedToken token = this.verifier.verify(issued.token());
		assertThat(token.isConsole()).isTrue();
		assertThat(token.audience()).containsExactly("console");
		assertThat(token.subject()).isEqualTo("cus-1");
		assertThat(token.customerId()).isEqualTo("cus-1");
		assertThat(token.accountId()).isEqualTo("acc-1");
		assertThat(token.expiresAt()).isEqualTo(this.now.plus(Duration.ofMinutes(5)));
		assertThat(part(issued.token(), 1).get("uid").asString()).isEqualTo("alice01");
	}

	@Test
	void tokensDoNotVerifyUnderAnotherIssuer() {
		TokenVerifier other = new TokenVerifier((kid) -> Optional.of(KEY.getPublic()), "somebody-else",
				List.of("partner-api"), Duration.ofSeconds(30), this.clock);
		String token = this.issuer.accessToken("client-1", "acc-1", List.of("partner")).token();
		assertThatThrownBy(() -> other.verify(token)).isInstanceOf(InvalidTokenException.class);
	}

	private JsonNode part(String token, int index) {
		String[] parts = token.split("\\.");
		return this.json.readTree(new String(Base64.getUrlDecoder().decode(parts[index]), StandardCharsets.UTF_8));
	}

	private static KeyPair generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
