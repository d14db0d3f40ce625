package com.cloudpartner.support.problem;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TransientFailuresTests {

	@Test
	void theDatabaseAwayIsTransientWhereverItIsInTheCauseChain() {
		assertThat(TransientFailures.causes(new SQLTransientConnectionException("pool: no connection in 3000 ms")))
			.isTrue();
		assertThat(
				TransientFailures.causes(new IllegalStateException("wrapped",
						new RuntimeException(
								new SQLException("terminating connection due to administrator command", "57P01")))))
			.isTrue();
		assertThat(TransientFailures.causes(new SQLException("the database system is starting up", "57P03"))).isTrue();
		assertThat(TransientFailures.causes(new SQLException("Connection refused", "08001"))).isTrue();
		assertThat(TransientFailures.causes(new SQLException("too many connections", "53300"))).isTrue();
		assertThat(TransientFailures.causes(new RuntimeException(new ConnectException("Connection refused")))).isTrue();
	}

	@Test
	void whatTheRecordOrTheRequestCausedIsNot() {
		assertThat(TransientFailures.causes(new SQLException("duplicate key", "23505"))).isFalse();
		assertThat(TransientFailures.causes(new SQLException("invalid byte sequence", "22021"))).isFalse();
		assertThat(TransientFailures.causes(new SQLException("no state"))).isFalse();
		assertThat(TransientFailures.causes(new IllegalArgumentException("bad"))).isFalse();
		assertThat(TransientFailures.causes(null)).isFalse();
	}

	@Test
	void aCauseCycleEnds() {
		RuntimeException first = new RuntimeException("first");
		RuntimeException second = new RuntimeException("second", first);
		first.initCause(second);
		assertThat(TransientFailures.causes(first)).isFalse();
	}

}
