package com.cloudpartner.entitlement.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import tools.jackson.databind.json.JsonMapper;

import com.cloudpartner.support.problem.ApiProblem;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@code Idempotency-Key} for creating POSTs: the first request with a key stores its
 * response in the same transaction as its effect; a repeat with the same request gets
 * that response again, one with another request {@code 422 IDEMPOTENCY_KEY_REUSED}. A
 * concurrent repeat waits on the first one's uncommitted key row (PostgreSQL's
 * {@code on conflict} does), so two requests never both act. A request that fails stores
 * nothing, so the caller may retry it with the same key.
 */
@Component
public class IdempotencyKeys {

	private static final Pattern SANE_KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	IdempotencyKeys(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Runs the action once per (owner, key); must run inside the caller's transaction.
	 * @param owner whose key space (for example {@code accounts/a})
	 * @param key the header value, or {@code null} when the caller sent none
	 * @param operation what is asked, so that one key cannot serve two endpoints
	 * @param request everything that identifies the request (path variables and body)
	 * @param type the response type
	 * @param action the effect
	 */
	public <T> T once(String owner, String key, String operation, Object request, Class<T> type, Supplier<T> action) {
		if (key == null) {
			return action.get();
		}
		if (!SANE_KEY.matcher(key).matches()) {
			throw ApiProblem.badRequest("INVALID_IDEMPOTENCY_KEY",
					"Idempotency-Key must be 1 to 255 printable ASCII characters.");
		}
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("IdempotencyKeys.once must run inside the transaction of the change");
		}
		String hash = hash(operation + "\n" + this.json.writeValueAsString(request));
		int inserted = this.jdbc
			.sql("insert into idempotency_key (owner, idempotency_key, request_hash, create_time) "
					+ "values (:owner, :key, :hash, :now) on conflict do nothing")
			.param("owner", owner)
			.param("key", key)
			.param("hash", hash)
			.param("now", java.sql.Timestamp.from(this.clock.instant()))
			.update();
		if (inserted == 0) {
			return replay(owner, key, hash, type);
		}
		T response = action.get();
		this.jdbc
			.sql("update idempotency_key set response = cast(:response as jsonb) "
					+ "where owner = :owner and idempotency_key = :key")
			.param("response", this.json.writeValueAsString(response))
			.param("owner", owner)
			.param("key", key)
			.update();
		return response;
	}

	private <T> T replay(String owner, String key, String hash, Class<T> type) {
		Optional<StoredKey> stored = this.jdbc.sql(
				"select request_hash, response::text from idempotency_key where owner = :owner and idempotency_key = :key")
			.param("owner", owner)
			.param("key", key)
			.query((rs, n) -> new StoredKey(rs.getString(1), rs.getString(2)))
			.optional();
		StoredKey row = stored.orElseThrow(() -> ApiProblem.conflict("IDEMPOTENCY_KEY_IN_USE",
				"A request with this Idempotency-Key is still being processed; retry shortly."));
		if (!row.hash().equals(hash)) {
			throw ApiProblem.unprocessable("IDEMPOTENCY_KEY_REUSED",
					"This Idempotency-Key was used with a different request.");
		}
		if (row.response() == null) {
			throw ApiProblem.conflict("IDEMPOTENCY_KEY_IN_USE",
					"A request with this Idempotency-Key is still being processed; retry shortly.");
		}
		return this.json.readValue(row.response(), type);
	}

	static String hash(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record StoredKey(String hash, String response) {
	}

}
