package com.cloudpartner.support.security;

import java.security.PublicKey;
import java.util.Optional;

/**
 * Where a verifier finds the public key for a {@code kid}. The issuer of the tokens reads
 * its own key store; everybody else reads the published JWKS.
 */
@FunctionalInterface
public interface KeySource {

	Optional<PublicKey> find(String keyId);

}
