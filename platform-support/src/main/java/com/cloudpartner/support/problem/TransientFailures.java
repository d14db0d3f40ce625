package com.cloudpartner.support.problem;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Whether a failure is the infrastructure's, not the request's or the record's: the
 * service's PostgreSQL unreachable, restarting or out of connections (decision 0071). A
 * request that meets one is answered {@code 503 SERVICE_UNAVAILABLE} at once (the pool
 * waits {@code spring.datasource.hikari.connection-timeout}, 3 s by default), and a
 * consumed record that meets one is retried until the database is back instead of being
 * dead-lettered: the record is fine, the database was away.
 * <p>
 * Only the cause chain's {@code java.sql} types and SQL states are read (class 08
 * connection exceptions, 57P01-57P03 shutdown and start-up, 53300 too many connections),
 * so that services without Spring's data access classes can use it too.
 */
public final class TransientFailures {

	/** What a client is told. */
	public static final String DETAIL = "The service cannot reach its database just now; nothing was changed. "
			+ "Retry in a few seconds.";

	private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "53300");

	private TransientFailures() {
	}

	public static boolean causes(Throwable failure) {
		int depth = 0;
		for (Throwable cause = failure; cause != null && depth < 32; cause = cause.getCause(), depth++) {
			if (cause instanceof SQLTransientConnectionException || cause instanceof ConnectException) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || STATES.contains(sql.getSQLState()))) {
				return true;
			}
		}
		return false;
	}

}
