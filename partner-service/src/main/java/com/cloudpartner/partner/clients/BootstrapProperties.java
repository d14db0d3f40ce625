package com.cloudpartner.partner.clients;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The operator client the platform starts with (env
 * {@code PLATFORM_BOOTSTRAP_OPERATOR_CLIENT_ID} / {@code _SECRET}).
 */
@ConfigurationProperties("platform.bootstrap")
record BootstrapProperties(String operatorClientId, String operatorClientSecret) {

	@Override
	public String toString() {
		return "BootstrapProperties[operatorClientId=" + this.operatorClientId + "]";
	}

}
