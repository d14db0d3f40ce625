package com.cloudpartner.billing.usage;

import java.time.ZoneId;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import tools.jackson.databind.json.JsonMapper;

import com.cloudpartner.billing.config.BillingProperties;
import com.cloudpartner.support.test.TestPostgres;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A database of billing's own for one test, migrated as far as the test asks, and the
 * consumer's store wired on it by hand: for tests of migrations and of the store that
 * need no service around it.
 */
final class RecorderDatabase {

	private RecorderDatabase() {
	}

	/** A new database, migrated to {@code target} (a version, or "latest"). */
	static PGSimpleDataSource create(String name, String target) {
		TestPostgres.Database database = TestPostgres.createDatabase(name);
		PGSimpleDataSource source = new PGSimpleDataSource();
		source.setUrl(database.url());
		source.setUser(database.user());
		source.setPassword(database.password());
		migrate(source, target);
		return source;
	}

	/** Migrates the database further, to {@code target}. */
	static void migrate(DataSource source, String target) {
		Flyway.configure()
			.dataSource(source)
			.locations("classpath:db/migration", "classpath:db/platform")
			.target(target)
			.load()
			.migrate();
	}

	/** The consumer's store on the database, billing in Seoul's months. */
	static UsageBatchRecorder recorder(DataSource source) {
		BillingProperties properties = new BillingProperties(ZoneId.of("Asia/Seoul"), false, null, null, null, null);
		JdbcTemplate template = new JdbcTemplate(source);
		return new UsageBatchRecorder(JdbcClient.create(source), template, source, properties,
				new ResourceAttributes(template, JsonMapper.builder().build()),
				new UsageIdentities(JdbcClient.create(source), properties));
	}

}
