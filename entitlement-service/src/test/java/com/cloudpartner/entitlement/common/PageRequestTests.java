package com.cloudpartner.entitlement.common;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.cloudpartner.support.problem.ApiProblem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PageRequestTests {

	@Test
	void defaultsToFiftyAndRefusesSizesOutsideOneToFiveHundred() {
		assertThat(PageRequest.of(null, null, 1).size()).isEqualTo(50);
		assertThat(PageRequest.of(500, "", 1).size()).isEqualTo(500);
		for (int size : new int[] { -1, 0, 501, 10_000 }) {
			assertThatExceptionOfType(ApiProblem.class).isThrownBy(() -> PageRequest.of(size, null, 1))
				.satisfies((p) -> assertThat(p.code()).isEqualTo("VALIDATION_FAILED"));
		}
	}

	@Test
	void roundTripsTheSortKeyOfTheLastRowServed() {
		PageRequest first = PageRequest.of(2, null, 2);
		PageRequest.Page<String> page = first.page(List.of("a", "b", "c"), (s) -> List.of("2026-01-01T00:00:00Z", s));
		assertThat(page.items()).containsExactly("a", "b");
		assertThat(PageRequest.of(2, page.nextPageToken(), 2).after()).containsExactly("2026-01-01T00:00:00Z", "b");
		assertThat(first.page(List.of("a", "b"), List::of).nextPageToken()).isEmpty();
	}

	@Test
	void refusesForeignTokens() {
		assertThatExceptionOfType(ApiProblem.class).isThrownBy(() -> PageRequest.of(null, "%%%", 1));
		String oneKey = PageRequest.of(1, null, 1).page(List.of("a", "b"), List::of).nextPageToken();
		assertThatExceptionOfType(ApiProblem.class).isThrownBy(() -> PageRequest.of(null, oneKey, 2))
			.satisfies(
					(p) -> assertThat(p.errors()).extracting(ApiProblem.FieldError::field).containsExactly("pageToken"))
			.satisfies((p) -> assertThat(p.code()).isEqualTo("INVALID_PAGE_TOKEN"));
		String tampered = oneKey.substring(0, oneKey.length() - 1) + (oneKey.endsWith("A") ? "B" : "A");
		assertThatExceptionOfType(ApiProblem.class).isThrownBy(() -> PageRequest.of(null, tampered, 1))
			.satisfies((p) -> assertThat(p.code()).isEqualTo("INVALID_PAGE_TOKEN"));
	}

	@Test
	void spellsMoneyExactly() {
		assertThat(Money.of("KRW", new java.math.BigDecimal("30000.000000")).amount()).isEqualTo("30000");
		assertThat(Money.of("USD", new java.math.BigDecimal("0.50")).amount()).isEqualTo("0.5");
	}

}
