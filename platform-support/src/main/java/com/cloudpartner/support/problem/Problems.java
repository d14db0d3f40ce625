package com.cloudpartner.support.problem;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds the problem+json bodies of the platform so that every service (and the gateway)
 * spells them the same way.
 */
public final class Problems {

	public static final String MEDIA_TYPE = "application/problem+json";

	private static final String TYPE_BASE = "https://docs.cloudpartner.dev/problems/";

	private Problems() {
	}

	public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(typeOf(code));
		problem.setProperty("code", code);
		return problem;
	}

	public static ProblemDetail of(HttpStatusCode status, String code, String detail,
			List<ApiProblem.FieldError> errors) {
		ProblemDetail problem = of(status, code, detail);
		if (!errors.isEmpty()) {
			problem.setProperty("errors",
					errors.stream().map((e) -> Map.of("field", e.field(), "message", e.message())).toList());
		}
		return problem;
	}

	public static URI typeOf(String code) {
		return URI.create(TYPE_BASE + code.toLowerCase(Locale.ROOT).replace('_', '-'));
	}

	/**
	 * A minimal JSON rendering for places (servlet filters, the gateway) without a
	 * converter.
	 */
	public static String json(int status, String title, String code, String detail) {
		return "{\"type\":\"" + typeOf(code) + "\",\"title\":\"" + escape(title) + "\",\"status\":" + status
				+ ",\"detail\":\"" + escape(detail) + "\",\"code\":\"" + code + "\"}";
	}

	private static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length() + 8);
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.toString();
	}

}
