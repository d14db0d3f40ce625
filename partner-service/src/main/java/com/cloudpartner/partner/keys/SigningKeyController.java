package com.cloudpartner.partner.keys;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.cloudpartner.support.security.Access;
import com.cloudpartner.support.security.VerifiedToken;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Operator control of the signing keys. */
@RestController
@Tag(name = "Tokens")
class SigningKeyController {

	private final SigningKeys keys;

	private final StoredKeySource keySource;

	SigningKeyController(SigningKeys keys, StoredKeySource keySource) {
		this.keys = keys;
		this.keySource = keySource;
	}

	@PostMapping("/v1/signing-keys/rotate")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Rotate the signing key (operator)",
			description = "Makes a new active key; the old one stays in the JWKS until its tokens have expired.")
	KeyResponse rotate(VerifiedToken token) {
		Access.requireOperator(token);
		SigningKey key = this.keys.rotate();
		this.keySource.invalidate();
		return new KeyResponse(key.kid(), "RS256", key.state().name(), key.createdAt());
	}

	record KeyResponse(String kid, String algorithm, String state, Instant createTime) {
	}

}
