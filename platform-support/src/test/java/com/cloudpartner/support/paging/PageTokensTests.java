package com.cloudpartner.support.paging;

import java.util.Base64;

import com.cloudpartner.support.problem.ApiProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageTokensTests {

	@Test
	void opensWhatItSealed() {
		String token = PageTokens.seal("2026-10-01T00:00:00Z|c-1");
		assertThat(PageTokens.open(token)).isEqualTo("2026-10-01T00:00:00Z|c-1");
		assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
	}

	@Test
	void refusesGarbageAndTamperedTokens() {
		String token = PageTokens.seal("2026-10-01T00:00:00Z|c-1");
		String payload = token.substring(0, token.indexOf('.'));
		String forged = Base64.getUrlEncoder().withoutPadding().encodeToString("2026-10-01T00:00:00Z|c-2".getBytes())
				+ token.substring(token.indexOf('.'));
		for (String bad : new String[] { "garbage!", "", ".", payload, payload + ".", forged, token + "x",
				token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A"), token + ".x",
				"a".repeat(5000) + ".b" }) {
			assertThatThrownBy(() -> PageTokens.open(bad)).as(bad).isInstanceOfSatisfying(ApiProblem.class, (p) -> {
				assertThat(p.code()).isEqualTo("INVALID_PAGE_TOKEN");
				assertThat(p.status().value()).isEqualTo(400);
			});
		}
	}

	@Test
	void everySingleCharacterChangeIsRefused() {
		String token = PageTokens.seal("2026-10-01T00:00:00Z|c-1");
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";
		for (int i = 0; i < token.length(); i++) {
			for (char c : alphabet.toCharArray()) {
				if (c == token.charAt(i)) {
					continue;
				}
				String changed = token.substring(0, i) + c + token.substring(i + 1);
				assertThatThrownBy(() -> PageTokens.open(changed)).as(changed).isInstanceOf(ApiProblem.class);
			}
		}
	}

	@Test
	void aTokenOfAnotherSecretIsRefused() {
		PageTokens.useSecret("one");
		String token = PageTokens.seal("x");
		PageTokens.useSecret("two");
		assertThatThrownBy(() -> PageTokens.open(token)).isInstanceOf(ApiProblem.class);
		PageTokens.useSecret("one");
		assertThat(PageTokens.open(token)).isEqualTo("x");
	}

	@Test
	void pageSizesAreOneToFiveHundred() {
		assertThat(PageTokens.size(null)).isEqualTo(50);
		assertThat(PageTokens.size(1)).isEqualTo(1);
		assertThat(PageTokens.size(500)).isEqualTo(500);
		for (int bad : new int[] { 0, -1, 501, Integer.MAX_VALUE, Integer.MIN_VALUE }) {
			assertThatThrownBy(() -> PageTokens.size(bad)).isInstanceOfSatisfying(ApiProblem.class,
					(p) -> assertThat(p.code()).isEqualTo("VALIDATION_FAILED"));
		}
	}

}
