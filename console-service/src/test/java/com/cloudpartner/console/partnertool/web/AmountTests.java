package com.cloudpartner.console.partnertool.web;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AmountTests {

	@Test
	void supplyPriceIsExactAndRoundedHalfUpToTheCurrencysMinorUnit() {
		assertThat(new Amount("KRW", "37").discounted(new BigDecimal("12.5")).amount()).isEqualTo("32");
		assertThat(new Amount("KRW", "30").discounted(new BigDecimal("15")).amount()).isEqualTo("26");
		assertThat(new Amount("KRW", "50").discounted(new BigDecimal("1")).amount()).isEqualTo("50");
		assertThat(new Amount("KRW", "150").discounted(new BigDecimal("1")).amount()).isEqualTo("149");
		assertThat(new Amount("USD", "0.105").discounted(BigDecimal.ZERO).amount()).isEqualTo("0.11");
		assertThat(new Amount("USD", "1.10").discounted(new BigDecimal("33.3333")).amount()).isEqualTo("0.73");
	}

	@Test
	void showsEveryDigitGrouped() {
		assertThat(new Amount("KRW", "1234500").formatted()).isEqualTo("1,234,500 KRW");
		assertThat(new Amount("USD", "0.000125").formatted()).isEqualTo("0.000125 USD");
		assertThat(new Amount("KRW", "-1500").formatted()).isEqualTo("-1,500 KRW");
		assertThat(new Amount("KRW", null).formatted()).isEqualTo("0 KRW");
	}

}
