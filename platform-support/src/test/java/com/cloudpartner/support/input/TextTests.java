package com.cloudpartner.support.input;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextTests {

	@Test
	void cleanTextPasses() {
		assertThat(Text.isClean(null)).isTrue();
		assertThat(Text.isClean("")).isTrue();
		assertThat(Text.isClean("고객 Alice\t\n😀")).isTrue();
	}

	@Test
	void nulAndUnpairedSurrogatesAreRefused() {
		assertThat(Text.isClean("a\u0000b")).isFalse();
		assertThat(Text.isClean("\uD800")).isFalse();
		assertThat(Text.isClean("a\uD800b")).isFalse();
		assertThat(Text.isClean("\uDC00a")).isFalse();
		assertThat(Text.isClean("\uDE00\uD83D")).isFalse();
		assertThat(Text.isClean("\uD83D\uDE00\uD83D")).isFalse();
	}

	@Test
	void aPairBeforeTheFaultDoesNotHideIt() {
		assertThat(Text.isClean("\uD83D\uDE00a\u0000")).isFalse();
		assertThat(Text.isClean("\uD83D\uDE00\uDC00")).isFalse();
		assertThat(Text.isClean("ab\uD83D\uDE00")).isTrue();
		assertThat(Text.isClean(new StringBuilder("ab\uD83D\uDE00\uD800"))).isFalse();
	}

	@Test
	void randomTextIsJudgedAsCodePointByCodePointWould() {
		char[] alphabet = { 'a', '7', ' ', '\u0000', '\u00e9', '\uace0', '\uD83D', '\uDE00', '\uDBFF', '\uDC00' };
		Random random = new Random(13);
		for (int n = 0; n < 20_000; n++) {
			char[] text = new char[random.nextInt(8)];
			for (int i = 0; i < text.length; i++) {
				text[i] = alphabet[random.nextInt(alphabet.length)];
			}
			String value = new String(text);
			boolean expected = value.codePoints()
				.noneMatch((c) -> c == 0 || (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE));
			assertThat(Text.isClean(value)).as(value.chars().mapToObj(Integer::toHexString).toList().toString())
				.isEqualTo(expected);
			assertThat(Text.isClean(new StringBuilder(value))).isEqualTo(expected);
		}
	}

	@Test
	void idempotencyKeysAreOneTo255VisibleAsciiCharacters() {
		assertThat(RequestTextFilter.validIdempotencyKey("k")).isTrue();
		assertThat(RequestTextFilter.validIdempotencyKey("k".repeat(255))).isTrue();
		assertThat(RequestTextFilter.validIdempotencyKey("k".repeat(256))).isFalse();
		assertThat(RequestTextFilter.validIdempotencyKey("")).isFalse();
		assertThat(RequestTextFilter.validIdempotencyKey("a b")).isFalse();
		assertThat(RequestTextFilter.validIdempotencyKey("키")).isFalse();
	}

}
