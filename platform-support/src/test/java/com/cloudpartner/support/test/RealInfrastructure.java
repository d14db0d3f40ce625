package com.cloudpartner.support.test;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a test application context at real infrastructure: a fresh database on the test
 * JVM's PostgreSQL ({@link TestPostgres}), the test JVM's Kafka broker
 * ({@link TestKafka}) and the JWKS of {@link TestTokens}. Used through
 * {@link IntegrationTest}.
 */
public class RealInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		String app = context.getEnvironment().getProperty("spring.application.name", "test");
		TestPostgres.Database database = TestPostgres.createDatabase(app);
		Map<String, Object> properties = Map.of("spring.datasource.url", database.url(), "spring.datasource.username",
				database.user(), "spring.datasource.password", database.password(), "spring.kafka.bootstrap-servers",
				TestKafka.bootstrapServers(), "spring.kafka.consumer.auto-offset-reset", "earliest",
				"platform.security.jwks-uri", TestTokens.jwksUri().toString(), "platform.outbox.poll-interval",
				"100ms");
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("realInfrastructure", properties));
	}

}
