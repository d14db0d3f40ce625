package com.cloudpartner.entitlement.resources;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Server passwords: generated from a CSPRNG, shown once to the caller, handed to the
 * provider only as a salted PBKDF2 hash, never stored in clear.
 */
final class Passwords {

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!#%+-=?@";

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final int ITERATIONS = 210_000;

	private Passwords() {
	}

	static String generate() {
		StringBuilder password = new StringBuilder(20);
		for (int i = 0; i < 20; i++) {
			password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

	static String hash(String password) {
		byte[] salt = new byte[16];
		RANDOM.nextBytes(salt);
		try {
			byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
				.generateSecret(new PBEKeySpec(password.toCharArray(), salt, ITERATIONS, 256))
				.getEncoded();
			Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
			return "pbkdf2-sha256$" + ITERATIONS + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
