package com.cloudpartner.partner.clients;

import java.util.List;

import com.cloudpartner.partner.config.RequiredSetting;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the configured operator client (and console-service's client, when configured)
 * at start, or gives an existing one the configured secret, so that rotating the secret
 * in the environment rotates it here. Fails the start when the operator client is not
 * configured, or when only half of the console client is.
 */
@Component
@Order(1)
class OperatorBootstrap implements ApplicationRunner {

	private final ApiClientManagement clients;

	private final List<ApiClientManagement.ConfiguredClient> configured;

	OperatorBootstrap(ApiClientManagement clients, BootstrapProperties properties) {
		this.clients = clients;
		String id = RequiredSetting.require(properties.operatorClientId(), "platform.bootstrap.operator-client-id",
				"PLATFORM_BOOTSTRAP_OPERATOR_CLIENT_ID");
		String secret = RequiredSetting.require(properties.operatorClientSecret(),
				"platform.bootstrap.operator-client-secret", "PLATFORM_BOOTSTRAP_OPERATOR_CLIENT_SECRET");
		var operator = new ApiClientManagement.ConfiguredClient(id, secret, null, List.of("operator"),
				List.of("operator"), "bootstrap operator client");
		boolean console = hasText(properties.consoleClientId()) || hasText(properties.consoleClientSecret());
		if (!console) {
			this.configured = List.of(operator);
			return;
		}
		String consoleId = RequiredSetting.require(properties.consoleClientId(), "platform.bootstrap.console-client-id",
				"PLATFORM_BOOTSTRAP_CONSOLE_CLIENT_ID");
		String consoleSecret = RequiredSetting.require(properties.consoleClientSecret(),
				"platform.bootstrap.console-client-secret", "PLATFORM_BOOTSTRAP_CONSOLE_CLIENT_SECRET");
		this.configured = List.of(operator, new ApiClientManagement.ConfiguredClient(consoleId, consoleSecret, null,
				List.of("console.issuer"), List.of("console.issuer"), "console-service (mints console tokens)"));
	}

	List<ApiClientManagement.ConfiguredClient> configured() {
		return this.configured;
	}

	private static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

	@Override
	public void run(ApplicationArguments args) {
		this.configured.forEach((client) -> this.clients.ensureClient(client, true));
	}

}
