package com.cloudpartner.console.partner;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PartnerAccountTests {

	@Test
	void prefersTheBrandingNameAndKeepsSafeValues() {
		PartnerAccount account = PartnerAccount.of("a", "Blue Hosting Inc.", "Blue", "https://cdn.example:8443/l.png",
				"#0A7C4A", 45, "https://blue.example/console");

		assertThat(account.displayName()).isEqualTo("Blue");
		assertThat(account.primaryColor()).isEqualTo("#0A7C4A");
		assertThat(account.sessionTtl()).isEqualTo(Duration.ofMinutes(45));
		assertThat(account.logoOrigin()).isEqualTo("https://cdn.example:8443");
		assertThat(account.loginUrl()).isEqualTo("https://blue.example/console");
	}

	@Test
	void dropsValuesThatCouldInjectIntoThePage() {
		PartnerAccount account = PartnerAccount.of("a", "Blue Hosting Inc.", null, "javascript:alert(1)",
				"red;} body{display:none", null, "//evil.example/x");

		assertThat(account.displayName()).isEqualTo("Blue Hosting Inc.");
		assertThat(account.logoUrl()).isNull();
		assertThat(account.logoOrigin()).isNull();
		assertThat(account.primaryColor()).isEqualTo(PartnerAccount.DEFAULT_COLOR);
		assertThat(account.loginUrl()).isNull();
		assertThat(account.sessionTtl()).isEqualTo(Duration.ofMinutes(30));
	}

	@Test
	void capsTheSessionLifetimeAtOneDay() {
		assertThat(PartnerAccount.of("a", "n", null, null, null, 100_000, null).sessionTtl())
			.isEqualTo(Duration.ofHours(24));
	}

}
