package com.cloudpartner.partner.keys;

import java.security.PublicKey;
import java.time.Instant;

/**
 * A stored signing key without its private half.
 *
 * @param kid the key id, as in token headers and the JWKS
 * @param publicKey the RSA public key
 * @param state ACTIVE (signs new tokens) or RETIRED (still verifies old ones)
 * @param createdAt when it was made
 * @param retiredAt when it stopped signing, if it did
 * @param expiresAfter when the last token it signed has expired; then it leaves the JWKS
 */
public record SigningKey(String kid, PublicKey publicKey, State state, Instant createdAt, Instant retiredAt,
		Instant expiresAfter) {

	/** The life of a signing key. */
	public enum State {

		ACTIVE, RETIRED

	}

}
