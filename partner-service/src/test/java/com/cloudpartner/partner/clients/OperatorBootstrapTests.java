package com.cloudpartner.partner.clients;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OperatorBootstrapTests {

	@Test
	void refusesToStartWithoutTheOperatorClientNamingTheEnvironmentVariables() {
		assertThatThrownBy(() -> new OperatorBootstrap(null, new BootstrapProperties("", "secret", null, null)))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("PLATFORM_BOOTSTRAP_OPERATOR_CLIENT_ID");
		assertThatThrownBy(() -> new OperatorBootstrap(null, new BootstrapProperties("operator", null, null, null)))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("PLATFORM_BOOTSTRAP_OPERATOR_CLIENT_SECRET");
	}

	@Test
	void bootstrapsTheConsoleClientWhenItIsConfigured() {
		assertThat(new OperatorBootstrap(null, new BootstrapProperties("operator", "secret", null, null)).configured())
			.extracting(ApiClientManagement.ConfiguredClient::clientId)
			.containsExactly("operator");
		var both = new OperatorBootstrap(null,
				new BootstrapProperties("operator", "secret", "console-service", "console-secret"));
		assertThat(both.configured()).extracting(ApiClientManagement.ConfiguredClient::clientId)
			.containsExactly("operator", "console-service");
		assertThat(both.configured().get(1).allowedScopes()).containsExactly("console.issuer");
		assertThatThrownBy(() -> new OperatorBootstrap(null,
				new BootstrapProperties("operator", "secret", "console-service", null)))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("PLATFORM_BOOTSTRAP_CONSOLE_CLIENT_SECRET");
	}

}
