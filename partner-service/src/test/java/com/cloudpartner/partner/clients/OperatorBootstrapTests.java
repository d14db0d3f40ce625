package com.cloudpartner.partner.clients;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OperatorBootstrapTests {

	@Test
	void refusesToStartWithoutTheOperatorClientNamingTheEnvironmentVariables() {
		assertThatThrownBy(() -> new OperatorBootstrap(null, new BootstrapProperties("", "secret")))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("PLATFORM_BOOTSTRAP_OPERATOR_CLIENT_ID");
		assertThatThrownBy(() -> new OperatorBootstrap(null, new BootstrapProperties("operator", null)))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("PLATFORM_BOOTSTRAP_OPERATOR_CLIENT_SECRET");
	}

}
