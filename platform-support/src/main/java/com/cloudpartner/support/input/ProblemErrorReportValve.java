package com.cloudpartner.support.input;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import com.cloudpartner.support.problem.Problems;

import org.springframework.http.HttpStatus;

/**
 * Tomcat's answer to what it refuses itself, before (or without) the application: request
 * headers or a request line above the limits, an unparseable request, an error no error
 * page rendered. Tomcat's own valve writes an HTML page; this one writes the platform's
 * problem+json with a stable {@code code} ({@code REQUEST_HEADERS_TOO_LARGE} as 431, as
 * the gateway answers it, {@code URI_TOO_LONG}, {@code BAD_REQUEST}, ...), never a stack
 * trace or the server's name.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean();
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		if (status == 400 && headersTooLarge(throwable)) {
			status = 431;
			response.setStatus(status);
		}
		String code = codeFor(status);
		HttpStatus known = HttpStatus.resolve(status);
		String title = (known != null) ? known.getReasonPhrase() : "Error";
		String detail = switch (code) {
			case "REQUEST_HEADERS_TOO_LARGE" -> "The request headers are too large.";
			case "URI_TOO_LONG" -> "The request line is too long.";
			case "BAD_REQUEST" -> "The request is malformed.";
			case "INTERNAL_ERROR" -> "An unexpected error occurred. Quote the X-Request-Id when reporting it.";
			default -> "The request could not be handled.";
		};
		try {
			response.setContentType(Problems.MEDIA_TYPE);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(Problems.json(status, title, code, detail));
				response.finishResponse();
			}
		}
		catch (Exception ex) {
			// the connection is gone or the response is already on its way: nothing to
			// add
		}
	}

	private static boolean headersTooLarge(Throwable throwable) {
		for (Throwable t = throwable; t != null; t = t.getCause()) {
			String message = t.getMessage();
			if (message != null && message.toLowerCase(Locale.ROOT).contains("header")
					&& message.toLowerCase(Locale.ROOT).contains("too large")) {
				return true;
			}
		}
		return false;
	}

	static String codeFor(int status) {
		return switch (status) {
			case 400 -> "BAD_REQUEST";
			case 401 -> "UNAUTHENTICATED";
			case 403 -> "FORBIDDEN";
			case 404 -> "NOT_FOUND";
			case 405 -> "METHOD_NOT_ALLOWED";
			case 408 -> "REQUEST_TIMEOUT";
			case 413 -> "PAYLOAD_TOO_LARGE";
			case 414 -> "URI_TOO_LONG";
			case 415 -> "UNSUPPORTED_MEDIA_TYPE";
			case 431 -> "REQUEST_HEADERS_TOO_LARGE";
			case 503 -> "SERVICE_UNAVAILABLE";
			default -> (status < 500) ? "CLIENT_ERROR" : "INTERNAL_ERROR";
		};
	}

}
