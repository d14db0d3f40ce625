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
 * Encrypts secrets at rest (private signing keys, webhook secrets): AES-256-GCM under a
 * key derived (PBKDF2) from {@code platform.keys.encryption-secret} and a purpose (one
 * key per purpose), a fresh IV per value, and the row's id as associated data so that a
 * ciphertext cannot be moved to another row.
 */
public final class KeyEncryption {

	private static final String VERSION = "v1";

	/** The prefix of every stored value. */
	public static final String PREFIX = VERSION + ".";

	private static final int ITERATIONS = 100_000;

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKey key;

	private final SecureRandom random = new SecureRandom();

	/** The encryption of private signing keys. */
	KeyEncryption(String secret) {
		this(secret, "signing-key");
	}

	/**
	 * An encryption for one purpose.
	 * @param secret {@code platform.keys.encryption-secret}
	 * @param purpose what it encrypts ({@code signing-key}, {@code webhook-secret})
	 */
	public KeyEncryption(String secret, String purpose) {
		if (secret == null || secret.length() < 16) {
			throw new IllegalStateException(
					"platform.keys.encryption-secret (env PLATFORM_KEYS_ENCRYPTION_SECRET) must have at least 16 characters");
		}
		this.key = derive(secret, ("cloud-partner-platform/" + purpose + "/v1").getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Encrypts a value of a row.
	 * @param kid the row's id, bound to the ciphertext
	 */
	public String encrypt(byte[] plain, String kid) {
		byte[] iv = new byte[IV_BYTES];
		this.random.nextBytes(iv);
		byte[] sealed = cipher(Cipher.ENCRYPT_MODE, iv, kid).apply(plain);
		Base64.Encoder b64 = Base64.getEncoder();
		return PREFIX + b64.encodeToString(iv) + "." + b64.encodeToString(sealed);
	}

	/** Decrypts what {@link #encrypt} stored for the same row. */
	public byte[] decrypt(String stored, String kid) {
		String[] parts = stored.split("\\.");
		if (parts.length != 3 || !VERSION.equals(parts[0])) {
			throw new IllegalStateException("The secret of " + kid + " is stored in an unknown format");
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
				throw new IllegalStateException("The secret of " + kid
						+ " cannot be decrypted: is platform.keys.encryption-secret the one it was stored with?", ex);
			}
		};
	}

	private static SecretKey derive(String secret, byte[] salt) {
		try {
			PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, ITERATIONS, 256);
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
