package com.cloudpartner.support.input;

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
	void idempotencyKeysAreOneTo255VisibleAsciiCharacters() {
		assertThat(RequestTextFilter.validIdempotencyKey("k")).isTrue();
		assertThat(RequestTextFilter.validIdempotencyKey("k".repeat(255))).isTrue();
		assertThat(RequestTextFilter.validIdempotencyKey("k".repeat(256))).isFalse();
		assertThat(RequestTextFilter.validIdempotencyKey("")).isFalse();
		assertThat(RequestTextFilter.validIdempotencyKey("a b")).isFalse();
		assertThat(RequestTextFilter.validIdempotencyKey("키")).isFalse();
	}

}
