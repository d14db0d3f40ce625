package com.cloudpartner.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL for the local run: embedded binaries (from Maven Central) with their
 * data under the data folder, or an existing server when {@code PLATFORM_POSTGRES_URL}
 * names one. Either way each service gets its own database, which Flyway migrates at its
 * start.
 */
final class LocalPostgres implements AutoCloseable {

	static final List<String> DATABASES = List.of("partner_service", "entitlement_service", "billing_service");

	private final EmbeddedPostgres embedded;

	private final String adminUrl;

	private final String user;

	private final String password;

	private LocalPostgres(EmbeddedPostgres embedded, String adminUrl, String user, String password) {
		this.embedded = embedded;
		this.adminUrl = adminUrl;
		this.user = user;
		this.password = password;
	}

	static LocalPostgres start(LocalRunSettings settings) throws IOException {
		if (settings.externalPostgresUrl() != null && !settings.externalPostgresUrl().isBlank()) {
			return new LocalPostgres(null, settings.externalPostgresUrl(), settings.externalPostgresUser(),
					settings.externalPostgresPassword());
		}
		var dataDirectory = settings.dataDir().resolve("postgres");
		Files.createDirectories(dataDirectory);
		EmbeddedPostgres embedded = EmbeddedPostgres.builder()
			.setDataDirectory(dataDirectory)
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			.setPort(settings.postgresPort())
			.setServerConfig("max_connections", "200")
			.setOutputRedirector(ProcessBuilder.Redirect.appendTo(settings.logs().resolve("postgres.log").toFile()))
			.setErrorRedirector(ProcessBuilder.Redirect.appendTo(settings.logs().resolve("postgres.log").toFile()))
			.start();
		return new LocalPostgres(embedded, embedded.getJdbcUrl("postgres", "postgres"), "postgres", "");
	}

	/** Creates the services' databases that do not exist yet. */
	void createDatabases() throws SQLException {
		try (Connection connection = DriverManager.getConnection(this.adminUrl, this.user, this.password)) {
			for (String database : DATABASES) {
				try (PreparedStatement exists = connection
					.prepareStatement("select 1 from pg_database where datname = ?")) {
					exists.setString(1, database);
					try (ResultSet rows = exists.executeQuery()) {
						if (rows.next()) {
							continue;
						}
					}
				}
				try (Statement create = connection.createStatement()) {
					create.execute("create database " + database);
				}
			}
		}
	}

	/** The JDBC URL of one service's database. */
	String urlOf(String database) {
		int slash = this.adminUrl.indexOf('/', "jdbc:postgresql://".length());
		int query = this.adminUrl.indexOf('?', slash);
		return this.adminUrl.substring(0, slash + 1) + database + ((query >= 0) ? this.adminUrl.substring(query) : "");
	}

	String user() {
		return this.user;
	}

	String password() {
		return this.password;
	}

	String describe() {
		return (this.embedded != null) ? "embedded PostgreSQL on port " + this.embedded.getPort()
				: "PostgreSQL at " + this.adminUrl;
	}

	@Override
	public void close() throws IOException {
		if (this.embedded != null) {
			this.embedded.close();
		}
	}

}
