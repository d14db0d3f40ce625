package com.cloudpartner.partner.keys;

import java.math.BigInteger;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public keys that verify the platform's tokens (RFC 7517). */
@RestController
@Tag(name = "Tokens")
class JwksController {

	private final SigningKeys keys;

	JwksController(SigningKeys keys) {
		this.keys = keys;
	}

	@GetMapping("/.well-known/jwks.json")
	@Operation(summary = "Public signing keys",
			description = "The active key and retired keys whose tokens may still be valid, by kid.")
	@SecurityRequirements
	ResponseEntity<JwkSet> jwks() {
		List<Jwk> keys = this.keys.published().stream().map(Jwk::of).toList();
		// short enough that verifiers see a rotation soon; they also refetch on an
		// unknown kid
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic())
			.body(new JwkSet(keys));
	}

	record JwkSet(List<Jwk> keys) {
	}

	record Jwk(String kty, String use, String alg, String kid, String n, String e) {

		static Jwk of(SigningKey key) {
			RSAPublicKey rsa = (RSAPublicKey) key.publicKey();
			return new Jwk("RSA", "sig", "RS256", key.kid(), base64Url(rsa.getModulus()),
					base64Url(rsa.getPublicExponent()));
		}

		private static String base64Url(BigInteger value) {
			byte[] bytes = value.toByteArray();
			if (bytes.length > 1 && bytes[0] == 0) {
				bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
			}
			return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		}

	}

}
