package com.cloudpartner.partner.clients;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The clients the platform starts with: the operator client (env
 * {@code PLATFORM_BOOTSTRAP_OPERATOR_CLIENT_ID} / {@code _SECRET}, required) and, where
 * an end-user console runs, console-service's own client (env
 * {@code PLATFORM_BOOTSTRAP_CONSOLE_CLIENT_ID} / {@code _SECRET}, the same values
 * console-service is given as {@code PLATFORM_CONSOLE_CLIENT_ID} / {@code _SECRET}).
 */
@ConfigurationProperties("platform.bootstrap")
record BootstrapProperties(String operatorClientId, String operatorClientSecret, String consoleClientId,
		String consoleClientSecret) {

	@Override
	public String toString() {
		return "BootstrapProperties[operatorClientId=" + this.operatorClientId + ", consoleClientId="
				+ this.consoleClientId + "]";
	}

}
