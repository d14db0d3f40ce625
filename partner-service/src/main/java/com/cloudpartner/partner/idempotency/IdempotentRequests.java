package com.cloudpartner.partner.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import tools.jackson.databind.json.JsonMapper;

import com.cloudpartner.support.problem.ApiProblem;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code Idempotency-Key} of creating POSTs, per account: the same key with the same
 * request gives the first result again, the same key with another request is refused
 * ({@code 422 IDEMPOTENCY_KEY_REUSED}). The key is claimed in the transaction of the
 * change, so a concurrent repeat waits for the first one and a failed first attempt
 * leaves the key free.
 */
@Component
public class IdempotentRequests {

	public static final String HEADER = "Idempotency-Key";

	private static final Pattern SANE_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	IdempotentRequests(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Runs the action once per key.
	 * @param accountId whose keys these are
	 * @param key the caller's key, or {@code null} to just run the action
	 * @param operation what is being done, so that one key cannot serve two operations
	 * @param request the request, compared by its JSON form
	 * @param type the result's type, to read a stored result back
	 * @param action the change
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public <T> T execute(String accountId, String key, String operation, Object request, Class<T> type,
			Supplier<T> action) {
		if (key == null) {
			return action.get();
		}
		if (!SANE_KEY.matcher(key).matches()) {
			throw ApiProblem.invalidField(HEADER, "must be 1 to 255 visible ASCII characters");
		}
		String hash = hash(operation + "\n" + this.json.writeValueAsString(request));
		boolean claimed = this.jdbc.sql("""
				insert into idempotency_record (account_id, idempotency_key, request_hash, created_at)
				values (:account, :key, :hash, :now) on conflict do nothing
				""")
			.param("account", accountId)
			.param("key", key)
			.param("hash", hash)
			.param("now", Timestamp.from(this.clock.instant()))
			.update() == 1;
		if (!claimed) {
			return replay(accountId, key, hash, type);
		}
		T result = action.get();
		this.jdbc
			.sql("update idempotency_record set response_body = :body "
					+ "where account_id = :account and idempotency_key = :key")
			.param("body", this.json.writeValueAsString(result))
			.param("account", accountId)
			.param("key", key)
			.update();
		return result;
	}

	private <T> T replay(String accountId, String key, String hash, Class<T> type) {
		Stored stored = this.jdbc
			.sql("select request_hash, response_body from idempotency_record "
					+ "where account_id = :account and idempotency_key = :key")
			.param("account", accountId)
			.param("key", key)
			.query((rs, n) -> new Stored(rs.getString(1), rs.getString(2)))
			.single();
		if (!stored.hash().equals(hash) || stored.body() == null) {
			throw ApiProblem.unprocessable("IDEMPOTENCY_KEY_REUSED",
					"The Idempotency-Key was used before with another request.");
		}
		return this.json.readValue(stored.body(), type);
	}

	private static String hash(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Stored(String hash, String body) {
	}

}
