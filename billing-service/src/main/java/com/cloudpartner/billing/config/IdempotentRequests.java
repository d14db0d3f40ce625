package com.cloudpartner.billing.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;

import tools.jackson.databind.json.JsonMapper;

import com.cloudpartner.support.problem.ApiProblem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code Idempotency-Key} of creating POSTs: the key is reserved before the action
 * runs and its response stored after, so a retry with the same key and body gets the
 * first response again (never a second credit or payment), another body is
 * {@code 422 IDEMPOTENCY_KEY_REUSED}, and a retry while the first is still running is
 * {@code 409 IDEMPOTENCY_KEY_IN_PROGRESS}.
 */
@Component
public class IdempotentRequests {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	IdempotentRequests(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Runs the action once per key.
	 * @param scope who and where (e.g. the caller's account and the path)
	 * @param key the Idempotency-Key header, or {@code null} to just run the action
	 * @param request the request body (its hash tells a reuse)
	 * @param type the response body type
	 * @param action the action
	 */
	public <T> ResponseEntity<T> once(String scope, String key, Object request, Class<T> type,
			Supplier<ResponseEntity<T>> action) {
		if (key == null || key.isBlank()) {
			return action.get();
		}
		if (key.length() > 255) {
			throw ApiProblem.badRequest("IDEMPOTENCY_KEY_INVALID", "Idempotency-Key is at most 255 characters.");
		}
		String hash = hash(this.json.writeValueAsString(request));
		boolean reserved = this.jdbc
			.sql("insert into idempotency_key (scope, key, request_hash) values (:scope, :key, :hash) "
					+ "on conflict do nothing")
			.param("scope", scope)
			.param("key", key)
			.param("hash", hash)
			.update() == 1;
		if (!reserved) {
			return replay(scope, key, hash, type);
		}
		ResponseEntity<T> response;
		try {
			response = action.get();
		}
		catch (RuntimeException ex) {
			// a refused request may be corrected and sent again with the same key
			this.jdbc.sql("delete from idempotency_key where scope = :scope and key = :key")
				.param("scope", scope)
				.param("key", key)
				.update();
			throw ex;
		}
		this.jdbc.sql("update idempotency_key set status = :status, body = :body where scope = :scope and key = :key")
			.param("status", response.getStatusCode().value())
			.param("body", this.json.writeValueAsString(response.getBody()))
			.param("scope", scope)
			.param("key", key)
			.update();
		return response;
	}

	private <T> ResponseEntity<T> replay(String scope, String key, String hash, Class<T> type) {
		Stored stored = this.jdbc
			.sql("select request_hash, status, body from idempotency_key where scope = :scope and key = :key")
			.param("scope", scope)
			.param("key", key)
			.query((rs, n) -> new Stored(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3)))
			.single();
		if (!stored.requestHash().equals(hash)) {
			throw ApiProblem.unprocessable("IDEMPOTENCY_KEY_REUSED",
					"This Idempotency-Key was used with another request body.");
		}
		if (stored.status() == null) {
			throw new ApiProblem(HttpStatus.CONFLICT, "IDEMPOTENCY_KEY_IN_PROGRESS",
					"The first request with this Idempotency-Key is still being processed; retry shortly.");
		}
		return ResponseEntity.status(stored.status()).body(this.json.readValue(stored.body(), type));
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

	private record Stored(String requestHash, Integer status, String body) {
	}

}
