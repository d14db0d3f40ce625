package com.cloudpartner.partner.customers;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UserIdRulesTests {

	@Test
	void acceptsLettersDigitsAndUnderscoresOfThreeToSixteen() {
		assertThat(UserIdRules.problem("abc")).isEmpty();
		assertThat(UserIdRules.problem("alice_01")).isEmpty();
		assertThat(UserIdRules.problem("A234567890123456")).isEmpty();
	}

	@Test
	void refusesTooShortTooLongAndOtherCharacters() {
		assertThat(UserIdRules.problem("ab")).contains("must be 3 to 16 letters, digits or underscores");
		assertThat(UserIdRules.problem("a2345678901234567")).isPresent();
		assertThat(UserIdRules.problem("alice-01")).isPresent();
		assertThat(UserIdRules.problem("alice 01")).isPresent();
		assertThat(UserIdRules.problem("앨리스123")).isPresent();
		assertThat(UserIdRules.problem("")).isPresent();
		assertThat(UserIdRules.problem(null)).isPresent();
	}

	@Test
	void refusesReservedWordsWhateverTheCase() {
		assertThat(UserIdRules.problem("admin")).contains("is reserved");
		assertThat(UserIdRules.problem("ROOT")).contains("is reserved");
		assertThat(UserIdRules.problem("System")).contains("is reserved");
		assertThat(UserIdRules.problem("null")).contains("is reserved");
		assertThat(UserIdRules.problem("guest")).contains("is reserved");
		assertThat(UserIdRules.problem("admin1")).isEmpty();
	}

}
