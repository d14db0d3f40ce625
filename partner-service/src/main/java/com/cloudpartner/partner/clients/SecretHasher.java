package com.cloudpartner.partner.clients;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Hashes client secrets. The secrets this service generates carry 256 random bits, so a
 * salted SHA-256 resists guessing as well as a slow password hash would, and keeps the
 * token endpoint fast. Bootstrap secrets from the environment are hashed the same way.
 */
final class SecretHasher {

	private static final String SCHEME = "sha256";

	private static final SecureRandom RANDOM = new SecureRandom();

	/** Compared against when the client id is unknown, so that timing says nothing. */
	static final String DUMMY = hash("not-a-secret");

	private SecretHasher() {
	}

	/** A new random secret: 32 bytes, base64url. */
	static String newSecret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String hash(String secret) {
		byte[] salt = new byte[16];
		RANDOM.nextBytes(salt);
		return SCHEME + "$" + Base64.getEncoder().encodeToString(salt) + "$"
				+ Base64.getEncoder().encodeToString(digest(salt, secret));
	}

	static boolean matches(String secret, String stored) {
		String[] parts = stored.split("\\$");
		if (secret == null || parts.length != 3 || !SCHEME.equals(parts[0])) {
			return false;
		}
		byte[] expected = Base64.getDecoder().decode(parts[2]);
		return MessageDigest.isEqual(expected, digest(Base64.getDecoder().decode(parts[1]), secret));
	}

	private static byte[] digest(byte[] salt, String secret) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			sha.update(salt);
			return sha.digest(secret.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
