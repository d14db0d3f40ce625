package com.cloudpartner.support.paging;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.cloudpartner.support.problem.ApiProblem;

import org.springframework.http.HttpStatus;

/**
 * The page tokens and page sizes of every list of the platform (decision 0060). A token
 * is the list's cursor (whatever the list puts in it) followed by an HMAC-SHA256 tag
 * under the service's paging secret: a token this service did not issue, or one changed
 * by a single bit, is {@code 400 INVALID_PAGE_TOKEN} before any query runs, never an
 * empty or a wrong page. A {@code pageSize} outside 1..{@value #MAX_SIZE} is
 * {@code 400 VALIDATION_FAILED}.
 *
 * <p>
 * The secret is {@code platform.paging.token-secret} (the same for every instance of a
 * service), or a random one per process when it is not set: then tokens do not survive a
 * restart, and a client starts the list again.
 */
public final class PageTokens {

	public static final int DEFAULT_SIZE = 50;

	public static final int MAX_SIZE = 500;

	private static final int TAG_BYTES = 16;

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private static volatile SecretKeySpec key = randomKey();

	private PageTokens() {
	}

	/** Uses the configured secret (any length; it is hashed into the key). */
	public static void useSecret(String secret) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
			key = new SecretKeySpec(digest, "HmacSHA256");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The requested page size, {@link #DEFAULT_SIZE} when absent; refused outside 1..500.
	 */
	public static int size(Integer pageSize) {
		if (pageSize == null) {
			return DEFAULT_SIZE;
		}
		if (pageSize < 1 || pageSize > MAX_SIZE) {
			throw ApiProblem.invalidField("pageSize", "must be between 1 and " + MAX_SIZE);
		}
		return pageSize;
	}

	/** The token that carries {@code cursor}. */
	public static String seal(String cursor) {
		byte[] payload = cursor.getBytes(StandardCharsets.UTF_8);
		return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(tag(payload));
	}

	/**
	 * The cursor of a token this service issued.
	 * @throws ApiProblem {@code 400 INVALID_PAGE_TOKEN} for anything else
	 */
	public static String open(String token) {
		int dot = token.indexOf('.');
		if (dot <= 0 || dot != token.lastIndexOf('.') || token.length() > 4096) {
			throw invalid();
		}
		try {
			byte[] payload = DECODER.decode(token.substring(0, dot));
			byte[] tag = DECODER.decode(token.substring(dot + 1));
			// one spelling per token: Base64's unused low bits of the last character
			// changed are a changed token too
			boolean canonical = ENCODER.encodeToString(payload).equals(token.substring(0, dot))
					&& ENCODER.encodeToString(tag).equals(token.substring(dot + 1));
			if (!MessageDigest.isEqual(tag, tag(payload)) || !canonical) {
				throw invalid();
			}
			return new String(payload, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw invalid();
		}
	}

	/** The refusal of a page token that is not one the list returned. */
	public static ApiProblem invalid() {
		return new ApiProblem(HttpStatus.BAD_REQUEST, "INVALID_PAGE_TOKEN",
				"The pageToken is not one this list returned; start the list again without it.",
				List.of(new ApiProblem.FieldError("pageToken", "is not a token returned by this list")));
	}

	private static byte[] tag(byte[] payload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return Arrays.copyOf(mac.doFinal(payload), TAG_BYTES);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static SecretKeySpec randomKey() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return new SecretKeySpec(bytes, "HmacSHA256");
	}

}
