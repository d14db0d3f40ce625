package com.cloudpartner.partner.members;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MemberRulesTests {

	@Test
	void loginIdsAreFiveToTwelveLettersAndDigitsWithALetter() {
		assertThat(MemberRules.loginId("f", "acme01")).isEmpty();
		assertThat(MemberRules.loginId("f", "abcde")).isEmpty();
		assertThat(MemberRules.loginId("f", "abcdefghijkl")).isEmpty();
		assertThat(MemberRules.loginId("f", "abcd")).isNotEmpty();
		assertThat(MemberRules.loginId("f", "abcdefghijklm")).isNotEmpty();
		assertThat(MemberRules.loginId("f", "acme_01")).isNotEmpty();
		assertThat(MemberRules.loginId("f", "123456")).singleElement()
			.extracting((e) -> e.message())
			.isEqualTo("must contain at least one letter");
	}

	@Test
	void passwordsMixLettersDigitsAndSpecialsWithoutTheLoginId() {
		assertThat(MemberRules.password("p", "Pw!12345x", "acme01")).isEmpty();
		assertThat(MemberRules.password("p", "Pw!1234", "acme01")).isNotEmpty();
		assertThat(MemberRules.password("p", "Pw!1234567890123", "acme01")).isNotEmpty();
		assertThat(MemberRules.password("p", "Password1", "acme01")).isNotEmpty();
		assertThat(MemberRules.password("p", "Pass word1!", "acme01")).isNotEmpty();
		assertThat(MemberRules.password("p", "xACME01!x", "acme01")).singleElement()
			.extracting((e) -> e.message())
			.isEqualTo("must not contain the login id");
	}

	@Test
	void businessRegistrationNumbersCarryTheirCheckDigit() {
		assertThat(MemberRules.validBusinessCheckDigit("1248100998")).isTrue();
		assertThat(MemberRules.validBusinessCheckDigit("1208147521")).isTrue();
		assertThat(MemberRules.validBusinessCheckDigit("2208162517")).isTrue();
		assertThat(MemberRules.validBusinessCheckDigit("1248100997")).isFalse();
		assertThat(MemberRules.validBusinessCheckDigit("1208147520")).isFalse();
		assertThat(MemberRules.businessRegistrationNumber("b", "124-81-00998")).singleElement()
			.extracting((e) -> e.message())
			.isEqualTo("must be 10 digits, digits only (no hyphens)");
		assertThat(MemberRules.corporateRegistrationNumber("c", "1101111234567")).isEmpty();
		assertThat(MemberRules.corporateRegistrationNumber("c", "110111-1234567")).isNotEmpty();
	}

}
