package com.cloudpartner.console;

import com.cloudpartner.console.config.ConsoleProperties;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class ConsolePropertiesTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withUserConfiguration(PropertiesConfiguration.class);

	@Test
	void refusesToStartWithoutTheClientCredential() {
		this.contexts.run((context) -> assertThat(context).hasFailed()
			.getFailure()
			.rootCause()
			.hasMessageContaining("PLATFORM_CONSOLE_CLIENT_ID"));
		this.contexts.withPropertyValues("platform.console.client-id=console-service")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("PLATFORM_CONSOLE_CLIENT_SECRET"));
	}

	@Test
	void startsWithTheCredentialAndDefaultTimeouts() {
		this.contexts
			.withPropertyValues("platform.console.client-id=console-service", "platform.console.client-secret=s3cret")
			.run((context) -> {
				ConsoleProperties properties = context.getBean(ConsoleProperties.class);
				assertThat(properties.connectTimeout()).hasSeconds(2);
				assertThat(properties.readTimeout()).hasSeconds(5);
				assertThat(properties.accountStatusTtl()).hasSeconds(3);
				assertThat(properties.toString()).doesNotContain("s3cret");
			});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ConsoleProperties.class)
	static class PropertiesConfiguration {

	}

}
