package com.cloudpartner.billing.sql;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.cloudpartner.support.test.TestPostgres;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rows copied in {@code COPY}'s binary format arrive in real PostgreSQL as PostgreSQL
 * itself reads the same values in text: the edges of each type (instants before 1970 and
 * around PostgreSQL's epoch of 2000, to the microsecond; dates on both sides of it; the
 * extremes of bigint and smallint), text in Korean and with the characters the text
 * format escapes, and enough rows to span many chunks.
 */
class BinaryCopyRowsIT {

	private static DataSource dataSource;

	private static JdbcClient jdbc;

	@BeforeAll
	static void database() {
		TestPostgres.Database database = TestPostgres.createDatabase("billing_binary_copy");
		dataSource = new DriverManagerDataSource(database.url(), database.user(), database.password());
		jdbc = JdbcClient.create(dataSource);
	}

	@Test
	void everyTypeArrivesAsPostgresqlReadsItsText() {
		table("copied");
		List<Row> rows = new ArrayList<>(List.of(
				new Row((short) -32768, new UUID(Long.MIN_VALUE, -1), "", Long.MIN_VALUE,
						Instant.parse("1969-12-31T23:59:59.999999Z"), LocalDate.of(1970, 1, 1)),
				new Row((short) 32767, new UUID(0, 0), "사용량\t탭\\역슬래시\n줄바꿈\r", Long.MAX_VALUE,
						Instant.parse("1999-12-31T23:59:59.000001Z"), LocalDate.of(1999, 12, 31)),
				new Row((short) 0, UUID.fromString("123e4567-e89b-12d3-a456-426614174000"), "accounts/a-1", -1,
						Instant.parse("2000-01-01T00:00:00Z"), LocalDate.of(2000, 1, 1)),
				new Row((short) 1, new UUID(-1, Long.MAX_VALUE), "😀 surrogate pair", 0,
						Instant.parse("2026-11-30T15:00:00Z"), LocalDate.of(2026, 12, 1)),
				new Row((short) 2, UUID.randomUUID(), "x".repeat(BinaryCopyRows.CHUNK + 10), 42,
						Instant.parse("9999-12-31T23:59:59.999999Z"), LocalDate.of(9999, 12, 31))));
		Random random = new Random(7);
		for (int i = 0; i < 5_000; i++) {
			rows.add(new Row((short) random.nextInt(1000), new UUID(random.nextLong(), random.nextLong()),
					"servers/s-" + i + "-서버", random.nextLong(), Instant
						.ofEpochSecond(1_700_000_000L + random.nextInt(100_000_000), random.nextInt(1_000_000) * 1000),
					LocalDate.ofEpochDay(random.nextInt(40_000))));
		}
		BinaryCopyRows copy = new BinaryCopyRows(6);
		for (Row row : rows) {
			copy.row()
				.int2(row.small())
				.uuid(row.id())
				.text(row.text())
				.int8(row.big())
				.timestamptz(row.at())
				.date(row.day());
		}

		copy.copy(dataSource, "copy copied (small, id, text, big, at, day) from stdin (format binary)");

		List<Row> stored = jdbc.sql("select small, id, text, big, at, day from copied order by n")
			.query((rs, n) -> new Row(rs.getShort(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getLong(4),
					rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getObject(6, LocalDate.class)))
			.list();
		assertThat(stored).containsExactlyElementsOf(rows);
		// the same values as PostgreSQL reads their text
		assertThat(jdbc.sql("""
				select count(*) from copied where n <= 5 and (id, at, day) not in (
				    select cast(i as uuid), cast(a as timestamptz), cast(d as date)
				    from unnest(cast(:ids as text[]), cast(:ats as text[]), cast(:days as text[])) as t(i, a, d))""")
			.param("ids", rows.subList(0, 5).stream().map((r) -> r.id().toString()).toArray(String[]::new))
			.param("ats", rows.subList(0, 5).stream().map((r) -> r.at().toString()).toArray(String[]::new))
			.param("days", rows.subList(0, 5).stream().map((r) -> r.day().toString()).toArray(String[]::new))
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aUniqueViolationIsADuplicateKeyAndCopiesNothing() {
		table("unique_copied");
		jdbc.sql("create unique index on unique_copied (id)").update();
		UUID id = UUID.randomUUID();
		BinaryCopyRows copy = new BinaryCopyRows(6);
		for (int i = 0; i < 2; i++) {
			copy.row()
				.int2(i)
				.uuid((i == 0) ? UUID.randomUUID() : id)
				.text("t")
				.int8(i)
				.timestamptz(Instant.EPOCH)
				.date(LocalDate.EPOCH);
		}
		copy.row().int2(3).uuid(id).text("t").int8(3).timestamptz(Instant.EPOCH).date(LocalDate.EPOCH);

		assertThatThrownBy(() -> copy.copy(dataSource,
				"copy unique_copied (small, id, text, big, at, day) from stdin (format binary)"))
			.isInstanceOf(DuplicateKeyException.class);
		assertThat(jdbc.sql("select count(*) from unique_copied").query(Long.class).single()).isZero();
	}

	@Test
	void refusesWhatTheColumnsCouldNotHoldOrARowOfTheWrongWidth() {
		BinaryCopyRows copy = new BinaryCopyRows(2);
		assertThatIllegalStateException().isThrownBy(() -> copy.int8(1));
		copy.row().int8(1);
		assertThatIllegalStateException().isThrownBy(copy::row);
		assertThatIllegalArgumentException().isThrownBy(() -> copy.timestamptz(Instant.ofEpochSecond(0, 1)));
		assertThatIllegalArgumentException().isThrownBy(() -> copy.int2(32768));
		copy.int8(2);
		assertThatIllegalStateException().isThrownBy(() -> copy.int8(3));
	}

	private static void table(String name) {
		jdbc.sql("drop table if exists " + name).update();
		jdbc.sql("create table " + name + " (n bigint generated always as identity, small smallint, id uuid, "
				+ "text text, big bigint, at timestamptz, day date)")
			.update();
	}

	record Row(short small, UUID id, String text, long big, Instant at, LocalDate day) {
	}

}
