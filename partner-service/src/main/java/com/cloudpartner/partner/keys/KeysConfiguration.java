package com.cloudpartner.partner.keys;

import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

@Configuration(proxyBeanMethods = false)
class KeysConfiguration {

	/** An active signing key before the service reports itself ready. */
	@Bean
	@Order(0)
	ApplicationRunner ensureActiveSigningKey(SigningKeys keys) {
		return (args) -> keys.active();
	}

}
