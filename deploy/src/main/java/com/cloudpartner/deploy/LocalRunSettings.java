package com.cloudpartner.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the local run keeps its state and which ports it uses. Every value can be changed
 * by an environment variable, so that a second suite (the end-to-end test) can run beside
 * a developer's.
 *
 * @param repoRoot the checkout, where each service's {@code target/*-exec.jar} is
 * @param dataDir PostgreSQL and Kafka data and the logs; survives restarts
 * @param gatewayPort the one public port
 * @param firstServicePort partner-service's port; entitlement, billing and console follow
 * @param kafkaPort the broker's client port (the controller listens on the next one)
 * @param postgresPort the embedded PostgreSQL port
 * @param smtpPort the embedded SMTP server's port
 * @param externalPostgresUrl a JDBC URL of an existing server's admin database, instead
 * of the embedded one
 * @param externalPostgresUser its user
 * @param externalPostgresPassword its password
 * @param serviceJavaOptions JVM options of each service process
 * @param profile the Spring profile the services run with
 */
public record LocalRunSettings(Path repoRoot, Path dataDir, int gatewayPort, int firstServicePort, int kafkaPort,
		int postgresPort, int smtpPort, String externalPostgresUrl, String externalPostgresUser,
		String externalPostgresPassword, String serviceJavaOptions, String profile) {

	static final String DEFAULT_JAVA_OPTIONS = "-XX:+UseSerialGC -Xms64m -Xmx384m -XX:TieredStopAtLevel=1 -Xss512k";

	public static LocalRunSettings fromEnvironment(Map<String, String> env) {
		Path root = Path.of(env.getOrDefault("PLATFORM_HOME", ".")).toAbsolutePath().normalize();
		if (!Files.exists(root.resolve("deploy")) && Files.exists(root.getParent().resolve("deploy"))) {
			root = root.getParent();
		}
		Path data = Path.of(env.getOrDefault("PLATFORM_DATA_DIR", root.resolve("deploy/data").toString()))
			.toAbsolutePath();
		return new LocalRunSettings(root, data, intOf(env, "PLATFORM_GATEWAY_PORT", 8080),
				intOf(env, "PLATFORM_FIRST_SERVICE_PORT", 8081), intOf(env, "PLATFORM_KAFKA_PORT", 9092),
				intOf(env, "PLATFORM_POSTGRES_PORT", 15432), intOf(env, "PLATFORM_SMTP_PORT", 3025),
				env.get("PLATFORM_POSTGRES_URL"), env.getOrDefault("PLATFORM_POSTGRES_USER", "postgres"),
				env.getOrDefault("PLATFORM_POSTGRES_PASSWORD", ""),
				env.getOrDefault("PLATFORM_SERVICE_JAVA_OPTS", DEFAULT_JAVA_OPTIONS),
				env.getOrDefault("PLATFORM_PROFILE", "local"));
	}

	int partnerPort() {
		return this.firstServicePort;
	}

	int entitlementPort() {
		return this.firstServicePort + 1;
	}

	int billingPort() {
		return this.firstServicePort + 2;
	}

	int consolePort() {
		return this.firstServicePort + 3;
	}

	String gatewayUrl() {
		return "http://localhost:" + this.gatewayPort;
	}

	Path logs() {
		return this.dataDir.resolve("logs");
	}

	private static int intOf(Map<String, String> env, String name, int fallback) {
		String value = env.get(name);
		return (value == null || value.isBlank()) ? fallback : Integer.parseInt(value.trim());
	}

}
