package com.cloudpartner.billing.usage;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.UUID;

/**
 * The SHA-256 of text as its UTF-8 bytes, written into one buffer of the thread and
 * hashed in one call: the same digest as {@code String.getBytes(UTF_8)} fed to a
 * {@code MessageDigest} part by part (an unpaired surrogate is a {@code '?'}, as there),
 * without a byte array per part and a digest update per part. Every usage event is hashed
 * two or three times by the API and three times by the consumer; the parts' arrays and
 * updates cost as much as the hashing itself (docs/benchmarks.md, "Issue 13, ingestion:
 * fewer copies per event").
 * <p>
 * Use: {@code KeyDigest.start().lengthPrefixed(a).lengthPrefixed(b).uuid()}; one digest
 * at a time per thread.
 */
final class KeyDigest {

	private static final ThreadLocal<KeyDigest> DIGESTS = ThreadLocal.withInitial(KeyDigest::new);

	private final MessageDigest sha256;

	private byte[] bytes = new byte[512];

	private int length;

	private KeyDigest() {
		try {
			this.sha256 = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The thread's digest, emptied. */
	static KeyDigest start() {
		KeyDigest digest = DIGESTS.get();
		digest.length = 0;
		return digest;
	}

	/**
	 * Appends a text's length in UTF-8 bytes in decimal, a colon, and its UTF-8 bytes.
	 */
	KeyDigest lengthPrefixed(String text) {
		int utf8 = utf8Length(text);
		ensure(11 + utf8);
		if (utf8 < 10) {
			this.bytes[this.length++] = (byte) ('0' + utf8);
		}
		else {
			String digits = Integer.toString(utf8);
			for (int i = 0; i < digits.length(); i++) {
				this.bytes[this.length++] = (byte) digits.charAt(i);
			}
		}
		this.bytes[this.length++] = ':';
		return utf8(text);
	}

	/** Appends a text's UTF-8 bytes. */
	KeyDigest text(CharSequence text) {
		int utf8 = utf8Length(text);
		ensure(utf8);
		return utf8(text);
	}

	/** Appends one ASCII character. */
	KeyDigest ascii(char c) {
		ensure(1);
		this.bytes[this.length++] = (byte) c;
		return this;
	}

	/** The SHA-256 of what was appended. */
	byte[] digest() {
		this.sha256.update(this.bytes, 0, this.length);
		return this.sha256.digest();
	}

	/** The first 128 bits of the SHA-256 of what was appended. */
	UUID uuid() {
		byte[] hash = digest();
		return new UUID(longAt(hash, 0), longAt(hash, 8));
	}

	static long longAt(byte[] bytes, int at) {
		long value = 0;
		for (int i = at; i < at + 8; i++) {
			value = (value << 8) | (bytes[i] & 0xff);
		}
		return value;
	}

	private KeyDigest utf8(CharSequence text) {
		int n = text.length();
		int i = 0;
		int at = this.length;
		// ASCII, byte for byte, up to the first other character
		for (; i < n; i++) {
			char c = text.charAt(i);
			if (c >= 0x80) {
				break;
			}
			this.bytes[at++] = (byte) c;
		}
		this.length = at;
		for (; i < n; i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				this.bytes[this.length++] = (byte) c;
			}
			else if (c < 0x800) {
				this.bytes[this.length++] = (byte) (0xc0 | (c >> 6));
				this.bytes[this.length++] = (byte) (0x80 | (c & 0x3f));
			}
			else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
				int code = Character.toCodePoint(c, text.charAt(++i));
				this.bytes[this.length++] = (byte) (0xf0 | (code >> 18));
				this.bytes[this.length++] = (byte) (0x80 | ((code >> 12) & 0x3f));
				this.bytes[this.length++] = (byte) (0x80 | ((code >> 6) & 0x3f));
				this.bytes[this.length++] = (byte) (0x80 | (code & 0x3f));
			}
			else if (Character.isSurrogate(c)) {
				this.bytes[this.length++] = '?';
			}
			else {
				this.bytes[this.length++] = (byte) (0xe0 | (c >> 12));
				this.bytes[this.length++] = (byte) (0x80 | ((c >> 6) & 0x3f));
				this.bytes[this.length++] = (byte) (0x80 | (c & 0x3f));
			}
		}
		return this;
	}

	/**
	 * How many bytes the text takes in UTF-8, an unpaired surrogate counted as one (its
	 * {@code '?'}).
	 */
	static int utf8Length(CharSequence text) {
		int n = text.length();
		int bytes = n;
		for (int i = 0; i < n; i++) {
			char c = text.charAt(i);
			if (c >= 0x80) {
				if (c < 0x800) {
					bytes += 1;
				}
				else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
					// two chars, four bytes
					bytes += 2;
					i++;
				}
				else if (!Character.isSurrogate(c)) {
					bytes += 2;
				}
			}
		}
		return bytes;
	}

	private void ensure(int more) {
		if (this.length + more > this.bytes.length) {
			this.bytes = Arrays.copyOf(this.bytes, Math.max(this.bytes.length * 2, this.length + more));
		}
	}

}
