package com.cloudpartner.support.test;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one real PostgreSQL server of a test JVM, chosen once in this order: the one named
 * by {@code TEST_POSTGRES_URL} (+
 * {@code TEST_POSTGRES_USER}/{@code TEST_POSTGRES_PASSWORD}), the machine's server at
 * 127.0.0.1:5432 when it answers, a Testcontainers container when a Docker engine
 * answers, else embedded PostgreSQL binaries. Each test context gets a fresh database on
 * it, dropped when the JVM ends.
 */
public final class TestPostgres {

	private static Server server;

	private TestPostgres() {
	}

	/** A new, empty database. */
	public static synchronized Database createDatabase(String prefix) {
		if (server == null) {
			server = start();
		}
		String name = (prefix.replaceAll("[^A-Za-z0-9]", "_") + "_" + UUID.randomUUID().toString().substring(0, 8))
			.toLowerCase(Locale.ROOT);
		Server current = server;
		current.execute("create database " + name);
		Runtime.getRuntime()
			.addShutdownHook(new Thread(() -> current.execute("drop database if exists " + name + " with (force)")));
		return new Database(current.urlFor(name), current.user(), current.password(), current.kind());
	}

	private static Server start() {
		String url = System.getenv("TEST_POSTGRES_URL");
		if (url != null && !url.isBlank()) {
			return new Server("configured", url, env("TEST_POSTGRES_USER", "postgres"),
					env("TEST_POSTGRES_PASSWORD", ""));
		}
		if (answers("127.0.0.1", 5432)) {
			return new Server("machine", "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
		}
		if (DockerClientFactory.instance().isDockerAvailable()) {
			PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
			container.start();
			return new Server("testcontainers", container.getJdbcUrl(), container.getUsername(),
					container.getPassword());
		}
		try {
			EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					embedded.close();
				}
				catch (Exception ignored) {
					// the JVM is going away anyway
				}
			}));
			return new Server("embedded", embedded.getJdbcUrl("postgres", "postgres"), "postgres", "");
		}
		catch (Exception ex) {
			throw new IllegalStateException("No PostgreSQL for the tests: set TEST_POSTGRES_URL, run one on "
					+ "127.0.0.1:5432, or allow embedded PostgreSQL binaries to start", ex);
		}
	}

	static boolean answers(String host, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), 500);
			return true;
		}
		catch (Exception ex) {
			return false;
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null) ? value : fallback;
	}

	/** Connection details of one test database. */
	public record Database(String url, String user, String password, String serverKind) {
	}

	private record Server(String kind, String adminUrl, String user, String password) {

		String urlFor(String database) {
			int slash = this.adminUrl.indexOf('/', "jdbc:postgresql://".length());
			int query = this.adminUrl.indexOf('?', slash);
			String tail = (query >= 0) ? this.adminUrl.substring(query) : "";
			return this.adminUrl.substring(0, slash + 1) + database + tail;
		}

		void execute(String sql) {
			try (Connection connection = DriverManager.getConnection(this.adminUrl, this.user, this.password);
					Statement statement = connection.createStatement()) {
				statement.execute(sql);
			}
			catch (SQLException ex) {
				throw new IllegalStateException("PostgreSQL (" + this.kind + ") refused: " + sql, ex);
			}
		}

	}

}
