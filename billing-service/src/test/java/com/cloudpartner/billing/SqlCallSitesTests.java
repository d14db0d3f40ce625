package com.cloudpartner.billing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The line of each statement is the line of the call that executes it. */
class SqlCallSitesTests {

	@Test
	void findsTheTerminalCallOfAChainThatGoesOn() {
		String source = """
				class A {
					int a() {
						return this.jdbc.sql("select 1")
							.query(Integer.class)
							.list()
							.size();
					}
					Invoice b() {
						return this.jdbc.sql("select 2")
							.query(this::invoice)
							.optional()
							.orElseThrow(() -> notFound(".list()"));
					}
					void c() {
						this.jdbc.sql("select 3").query(String.class).list().forEach((id) -> this.jdbc.sql("x")
							.update());
					}
				}
				""";

		assertThat(SqlCallSites.in(source)).containsExactly(5, 11, 15, 16);
	}

	@Test
	void findsTheLastCallOfAChainWithoutANamedTerminal() {
		String source = """
				class A {
					void a() {
						this.jdbc.sql("select 1")
							.param("a", 1)
							.query((rs) -> rows.add(rs.getString(1)));
						this.batch.batchUpdate("insert into t values (?)", rows);
					}
				}
				""";

		assertThat(SqlCallSites.in(source)).containsExactly(5, 6);
	}

	@Test
	void findsACopyOnTheLineThatRunsIt() {
		String source = """
				class A {
					void a(Connection connection, byte[] data) throws Exception {
						byte[] rows = data;
						connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, new ByteArrayInputStream(rows));
					}
				}
				""";

		assertThat(SqlCallSites.in(source)).containsExactly(4);
	}

	@Test
	void ignoresCallsInStringsTextBlocksAndComments() {
		String source = """
				class A {
					// this.jdbc.sql("x").update();
					String sql = ".sql(";
					String block = \"""
							this.jdbc.sql(\\"y\\").list();
							\""";
					int a() {
						return this.jdbc.sql("select 1").query(Integer.class).single();
					}
				}
				""";

		assertThat(SqlCallSites.in(source)).containsExactly(8);
	}

}
