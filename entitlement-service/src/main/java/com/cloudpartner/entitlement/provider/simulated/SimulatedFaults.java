package com.cloudpartner.entitlement.provider.simulated;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Armed failures of the simulated cloud: the next {@code count} calls of an operation
 * fail.
 */
@Component
class SimulatedFaults {

	private final JdbcClient jdbc;

	SimulatedFaults(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void arm(String operation, int count, String errorCode, String message) {
		this.jdbc.sql("""
				insert into sim_fault (operation, remaining, error_code, message) values (:op, :count, :code, :message)
				on conflict (operation) do update set remaining = excluded.remaining, error_code = excluded.error_code,
				    message = excluded.message""")
			.param("op", operation)
			.param("count", count)
			.param("code", errorCode)
			.param("message", message)
			.update();
	}

	/**
	 * Consumes one armed failure of the operation, if any (its own statement, committed
	 * at once).
	 */
	Optional<Armed> take(String operation) {
		return this.jdbc.sql("""
				update sim_fault set remaining = remaining - 1 where operation = :op and remaining > 0
				returning error_code, message""")
			.param("op", operation)
			.query((rs, n) -> new Armed(rs.getString(1), rs.getString(2)))
			.optional();
	}

	record Armed(String code, String message) {
	}

}
