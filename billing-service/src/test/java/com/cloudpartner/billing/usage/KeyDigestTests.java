package com.cloudpartner.billing.usage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link KeyDigest} against the plain way it replaced, on random text of every kind
 * (ASCII, Hangul, two- and four-byte characters, unpaired surrogates, lengths past ten
 * bytes and past the first buffer): the same bytes hashed, so the same keys as before and
 * as the database's {@code usage_series_key}.
 */
class KeyDigestTests {

	private static final String[] PIECES = { "a", "Z", "7", ":", "/", "\u0000", "é", "고", "객", "\u20ac", "😀", "\uD800",
			"\uDC00", "\uDBFF", "x".repeat(300) };

	@Test
	void hashesWhatStringGetBytesHashes() throws Exception {
		Random random = new Random(2026);
		for (int n = 0; n < 5_000; n++) {
			String a = text(random);
			String b = text(random);
			String c = text(random);
			MessageDigest plain = MessageDigest.getInstance("SHA-256");
			for (String part : new String[] { a, b, c }) {
				byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
				plain.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
				plain.update((byte) ':');
				plain.update(bytes);
			}
			assertThat(KeyDigest.start().lengthPrefixed(a).lengthPrefixed(b).lengthPrefixed(c).digest())
				.as("%s / %s / %s", a, b, c)
				.isEqualTo(plain.digest());
			assertThat(KeyDigest.start().text(a).ascii('\u0000').text(new StringBuilder(b)).digest()).isEqualTo(
					MessageDigest.getInstance("SHA-256").digest((a + '\u0000' + b).getBytes(StandardCharsets.UTF_8)));
			assertThat(KeyDigest.utf8Length(a)).isEqualTo(a.getBytes(StandardCharsets.UTF_8).length);
		}
	}

	@Test
	void theKeyIsTheDigestsFirst128Bits() throws Exception {
		byte[] digest = MessageDigest.getInstance("SHA-256").digest("1:a".getBytes(StandardCharsets.UTF_8));
		java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(digest);
		assertThat(KeyDigest.start().lengthPrefixed("a").uuid())
			.isEqualTo(new java.util.UUID(buffer.getLong(), buffer.getLong()));
	}

	private static String text(Random random) {
		StringBuilder text = new StringBuilder();
		int pieces = random.nextInt(random.nextBoolean() ? 4 : 16);
		for (int i = 0; i < pieces; i++) {
			text.append(PIECES[random.nextInt(random.nextInt(10) == 0 ? PIECES.length : PIECES.length - 1)]);
		}
		return text.toString();
	}

}
