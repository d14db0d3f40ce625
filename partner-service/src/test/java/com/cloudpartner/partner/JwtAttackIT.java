package com.cloudpartner.partner;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.cloudpartner.partner.keys.ActiveKey;
import com.cloudpartner.partner.keys.SigningKeys;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attacks on the service's own token verification (platform-support's verifier over this
 * service's key store): each forged token is refused with 401.
 */
class JwtAttackIT extends PartnerServiceITSupport {

	private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

	@Autowired
	SigningKeys keys;

	private String account;

	private ActiveKey key;

	@BeforeEach
	void account() {
		this.account = newAccount();
		this.key = this.keys.active();
	}

	private JwtBuilder token(PrivateKey signer, String kid) {
		Instant now = Instant.now();
		return Jwts.builder()
			.header()
			.keyId(kid)
			.and()
			.issuer("cloud-partner-platform")
			.subject("attacker")
			.audience()
			.add("partner-api")
			.and()
			.claim("scope", "partner")
			.claim("acct", this.account)
			.id(UUID.randomUUID().toString())
			.issuedAt(Date.from(now))
			.notBefore(Date.from(now))
			.expiration(Date.from(now.plus(Duration.ofMinutes(10))))
			.signWith(signer, Jwts.SIG.RS256);
	}

	private int status(String token) {
		return get("/v1/accounts/" + this.account, token).status();
	}

	@Test
	void acceptsAWellFormedTokenSoTheRefusalsBelowMeanSomething() {
		assertThat(status(token(this.key.privateKey(), this.key.kid()).compact())).isEqualTo(200);
	}

	@Test
	void refusesAnUnsignedToken() {
		String header = b64("{\"alg\":\"none\",\"kid\":\"" + this.key.kid() + "\"}");
		String payload = payloadOf(token(this.key.privateKey(), this.key.kid()).compact());
		assertThat(status(header + "." + payload + ".")).isEqualTo(401);
	}

	@Test
	void refusesHs256SignedWithThePublicKey() throws Exception {
		PublicKey publicKey = this.keys.published()
			.stream()
			.filter((k) -> k.kid().equals(this.key.kid()))
			.findFirst()
			.orElseThrow()
			.publicKey();
		String signingInput = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + this.key.kid() + "\"}") + "."
				+ payloadOf(token(this.key.privateKey(), this.key.kid()).compact());
		for (byte[] secret : new byte[][] { publicKey.getEncoded(), pem(publicKey) }) {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret, "HmacSHA256"));
			String forged = signingInput + "." + B64.encodeToString(mac.doFinal(signingInput.getBytes()));
			assertThat(status(forged)).isEqualTo(401);
		}
	}

	@Test
	void refusesAnUnknownKidAndAForeignKeyUnderTheRealKid() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		PrivateKey foreign = generator.generateKeyPair().getPrivate();
		assertThat(status(token(foreign, "unknown-kid").compact())).isEqualTo(401);
		assertThat(status(token(foreign, this.key.kid()).compact())).isEqualTo(401);
	}

	@Test
	void refusesExpiredAndNotYetValidTokens() {
		Instant now = Instant.now();
		assertThat(status(token(this.key.privateKey(), this.key.kid()).issuedAt(Date.from(now.minusSeconds(1200)))
			.notBefore(Date.from(now.minusSeconds(1200)))
			.expiration(Date.from(now.minusSeconds(300)))
			.compact())).isEqualTo(401);
		assertThat(status(
				token(this.key.privateKey(), this.key.kid()).notBefore(Date.from(now.plusSeconds(300))).compact()))
			.isEqualTo(401);
	}

	@Test
	void refusesAWrongAudienceOrIssuer() {
		assertThat(status(token(this.key.privateKey(), this.key.kid()).audience().single("someone-else").compact()))
			.isEqualTo(401);
		assertThat(status(token(this.key.privateKey(), this.key.kid()).issuer("evil-issuer").compact())).isEqualTo(401);
	}

	@Test
	void refusesATamperedPayload() {
		String valid = token(this.key.privateKey(), this.key.kid()).compact();
		String[] parts = valid.split("\\.");
		String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
		String tampered = claims.replace("\"scope\":\"partner\"", "\"scope\":\"operator\"");
		assertThat(tampered).isNotEqualTo(claims);
		assertThat(status(parts[0] + "." + b64(tampered) + "." + parts[2])).isEqualTo(401);
	}

	private static String payloadOf(String compact) {
		return compact.split("\\.")[1];
	}

	private static String b64(String json) {
		return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

	private static byte[] pem(PublicKey key) {
		return ("-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(key.getEncoded())
				+ "\n-----END PUBLIC KEY-----\n")
			.getBytes(StandardCharsets.US_ASCII);
	}

}
