package com.cloudpartner.partner.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts private signing keys at rest: AES-256-GCM under a key derived (PBKDF2) from
 * {@code platform.keys.encryption-secret}, a fresh IV per value, and the key id as
 * associated data so that a ciphertext cannot be moved to another row.
 */
final class KeyEncryption {

	private static final String VERSION = "v1";

	private static final byte[] SALT = "cloud-partner-platform/signing-key/v1".getBytes(StandardCharsets.UTF_8);

	private static final int ITERATIONS = 100_000;

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKey key;

	private final SecureRandom random = new SecureRandom();

	KeyEncryption(String secret) {
		if (secret == null || secret.length() < 16) {
			throw new IllegalStateException(
					"platform.keys.encryption-secret (env PLATFORM_KEYS_ENCRYPTION_SECRET) must have at least 16 characters");
		}
		this.key = derive(secret);
	}

	String encrypt(byte[] plain, String kid) {
		byte[] iv = new byte[IV_BYTES];
		this.random.nextBytes(iv);
		byte[] sealed = cipher(Cipher.ENCRYPT_MODE, iv, kid).apply(plain);
		Base64.Encoder b64 = Base64.getEncoder();
		return VERSION + "." + b64.encodeToString(iv) + "." + b64.encodeToString(sealed);
	}

	byte[] decrypt(String stored, String kid) {
		String[] parts = stored.split("\\.");
		if (parts.length != 3 || !VERSION.equals(parts[0])) {
			throw new IllegalStateException("Signing key " + kid + " is stored in an unknown format");
		}
		Base64.Decoder b64 = Base64.getDecoder();
		return cipher(Cipher.DECRYPT_MODE, b64.decode(parts[1]), kid).apply(b64.decode(parts[2]));
	}

	private Operation cipher(int mode, byte[] iv, String kid) {
		return (input) -> {
			try {
				Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
				cipher.init(mode, this.key, new GCMParameterSpec(TAG_BITS, iv));
				cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
				return cipher.doFinal(input);
			}
			catch (GeneralSecurityException ex) {
				// a wrong secret lands here: say so without leaking anything else
				throw new IllegalStateException("Signing key " + kid
						+ " cannot be decrypted: is platform.keys.encryption-secret the one it was stored with?", ex);
			}
		};
	}

	private static SecretKey derive(String secret) {
		try {
			PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), SALT, ITERATIONS, 256);
			byte[] bytes = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
			spec.clearPassword();
			return new SecretKeySpec(bytes, "AES");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", ex);
		}
	}

	@FunctionalInterface
	private interface Operation {

		byte[] apply(byte[] input);

	}

}
