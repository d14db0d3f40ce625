package com.cloudpartner.partner.clients;

import java.util.List;

import com.cloudpartner.partner.config.RequiredSetting;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the configured operator client at start, or gives an existing one the
 * configured secret, so that rotating the secret in the environment rotates it here.
 * Fails the start when it is not configured.
 */
@Component
@Order(1)
class OperatorBootstrap implements ApplicationRunner {

	private final ApiClientManagement clients;

	private final ApiClientManagement.ConfiguredClient operator;

	OperatorBootstrap(ApiClientManagement clients, BootstrapProperties properties) {
		this.clients = clients;
		String id = RequiredSetting.require(properties.operatorClientId(), "platform.bootstrap.operator-client-id",
				"PLATFORM_BOOTSTRAP_OPERATOR_CLIENT_ID");
		String secret = RequiredSetting.require(properties.operatorClientSecret(),
				"platform.bootstrap.operator-client-secret", "PLATFORM_BOOTSTRAP_OPERATOR_CLIENT_SECRET");
		this.operator = new ApiClientManagement.ConfiguredClient(id, secret, null, List.of("operator"),
				List.of("operator"), "bootstrap operator client");
	}

	@Override
	public void run(ApplicationArguments args) {
		this.clients.ensureClient(this.operator, true);
	}

}
