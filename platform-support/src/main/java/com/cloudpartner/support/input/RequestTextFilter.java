package com.cloudpartner.support.input;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.cloudpartner.support.problem.Problems;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before any controller, what no request may carry outside its JSON body (which
 * {@link TextCheckingModule} checks): a NUL character or an unpaired surrogate in the
 * path, in a query parameter or in a form field, and an {@code Idempotency-Key} that is
 * not 1 to {@value #MAX_IDEMPOTENCY_KEY} visible ASCII characters. A client of the API
 * gets {@code 400} problem+json ({@code VALIDATION_FAILED} on the field, or
 * {@code IDEMPOTENCY_KEY_INVALID}); a browser (a console page, which accepts HTML and not
 * JSON) gets the application's error page with the same status.
 */
public class RequestTextFilter extends OncePerRequestFilter {

	public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	/** The longest Idempotency-Key accepted, the same in every service. */
	public static final int MAX_IDEMPOTENCY_KEY = 255;

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = request.getHeader(IDEMPOTENCY_KEY);
		if (key != null && !validIdempotencyKey(key)) {
			refuse(request, response, Problems.json(400, "Bad Request", "IDEMPOTENCY_KEY_INVALID",
					"Idempotency-Key must be 1 to " + MAX_IDEMPOTENCY_KEY + " visible ASCII characters."));
			return;
		}
		String field = invalidField(request);
		if (field != null) {
			refuse(request, response, validationFailed(field));
			return;
		}
		chain.doFilter(request, response);
	}

	static boolean validIdempotencyKey(String key) {
		if (key.isEmpty() || key.length() > MAX_IDEMPOTENCY_KEY) {
			return false;
		}
		for (int i = 0; i < key.length(); i++) {
			char c = key.charAt(i);
			if (c < 0x21 || c > 0x7e) {
				return false;
			}
		}
		return true;
	}

	private static String invalidField(HttpServletRequest request) {
		String path = request.getServletPath() + ((request.getPathInfo() != null) ? request.getPathInfo() : "");
		if (!Text.isClean(path)) {
			return "path";
		}
		if (isMultipart(request)) {
			return null;
		}
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			if (!Text.isClean(parameter.getKey())) {
				return "parameter";
			}
			for (String value : parameter.getValue()) {
				if (!Text.isClean(value)) {
					return parameter.getKey();
				}
			}
		}
		return null;
	}

	private static boolean isMultipart(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
	}

	private static String validationFailed(String field) {
		return "{\"type\":\"" + Problems.typeOf("VALIDATION_FAILED")
				+ "\",\"title\":\"Bad Request\",\"status\":400,\"detail\":\"The request has invalid fields.\","
				+ "\"code\":\"VALIDATION_FAILED\",\"errors\":[{\"field\":\"" + jsonText(field) + "\",\"message\":\""
				+ Text.MESSAGE + "\"}]}";
	}

	private static String jsonText(String text) {
		StringBuilder out = new StringBuilder();
		for (char c : text.toCharArray()) {
			if (c == '"' || c == '\\') {
				out.append('\\').append(c);
			}
			else if (c < 0x20 || c > 0x7e) {
				// field names come from the client: keep the body plain ASCII
				out.append(String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response, String problem)
			throws IOException {
		if (prefersHtml(request)) {
			response.sendError(HttpServletResponse.SC_BAD_REQUEST);
			return;
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		response.setContentType(Problems.MEDIA_TYPE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter().write(problem);
	}

	/** A browser's page request: it accepts HTML and does not ask for JSON. */
	private static boolean prefersHtml(HttpServletRequest request) {
		boolean html = false;
		Enumeration<String> accepts = request.getHeaders("Accept");
		while (accepts.hasMoreElements()) {
			String accept = accepts.nextElement();
			if (accept.contains("json")) {
				return false;
			}
			html |= accept.contains(MediaType.TEXT_HTML_VALUE);
		}
		return html;
	}

}
