package com.cloudpartner.gateway.problem;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.List;
import java.util.concurrent.TimeoutException;

import com.cloudpartner.support.problem.ApiProblem;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ResponseStatusException;

/**
 * What a failure inside the gateway means to the caller: a status and a stable code.
 * Failures to reach a service are the service's unavailability (503), a service too slow
 * to answer is an upstream timeout (504); only what we cannot classify is a 500.
 */
record GatewayProblem(HttpStatusCode status, String code, String detail, List<ApiProblem.FieldError> errors) {

	GatewayProblem(HttpStatusCode status, String code, String detail) {
		this(status, code, detail, List.of());
	}

	static final String UNAVAILABLE_DETAIL = "The service behind this path is unavailable. Retry later.";

	static GatewayProblem of(Throwable failure) {
		if (failure instanceof ApiProblem problem) {
			return new GatewayProblem(problem.status(), problem.code(), problem.getMessage(), problem.errors());
		}
		if (failure instanceof ResponseStatusException rse) {
			return fromStatus(rse.getStatusCode());
		}
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof TimeoutException
					|| cause instanceof org.springframework.cloud.gateway.support.TimeoutException) {
				return timeout();
			}
			if (isUnreachable(cause)) {
				return unavailable();
			}
		}
		return new GatewayProblem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
				"An unexpected error occurred. Quote the X-Request-Id when reporting it.");
	}

	boolean unexpected() {
		return this.status.value() == 500;
	}

	private static boolean isUnreachable(Throwable cause) {
		String name = cause.getClass().getName();
		// connect timeouts (netty), connections refused or reset, a host that does not
		// resolve, a service that closes the connection before answering (reactor-netty)
		return cause instanceof ConnectException || cause instanceof UnknownHostException
				|| cause instanceof ClosedChannelException || name.equals("io.netty.channel.ConnectTimeoutException")
				|| name.equals("reactor.netty.http.client.PrematureCloseException")
				|| name.equals("io.github.resilience4j.circuitbreaker.CallNotPermittedException")
				|| name.equals("io.github.resilience4j.bulkhead.BulkheadFullException")
				// an open circuit, as the gateway's circuit breaker filter reports it
				|| name.equals("org.springframework.cloud.gateway.support.ServiceUnavailableException");
	}

	private static GatewayProblem fromStatus(HttpStatusCode status) {
		return switch (status.value()) {
			case 400 -> new GatewayProblem(status, "BAD_REQUEST", "The request is malformed.");
			case 404 -> new GatewayProblem(status, "NOT_FOUND", "No resource exists at this path.");
			case 405 -> new GatewayProblem(status, "METHOD_NOT_ALLOWED", "The method is not allowed on this path.");
			case 406 -> new GatewayProblem(status, "NOT_ACCEPTABLE", "No acceptable representation is available.");
			case 413 -> new GatewayProblem(status, "PAYLOAD_TOO_LARGE", "The request body is too large.");
			case 415 -> new GatewayProblem(status, "UNSUPPORTED_MEDIA_TYPE", "The content type is not supported.");
			case 429 -> new GatewayProblem(status, "TOO_MANY_REQUESTS", "Too many requests. Retry later.");
			case 502, 503 -> unavailable();
			case 504 -> timeout();
			default -> status.is4xxClientError()
					? new GatewayProblem(status, "CLIENT_ERROR", "The request could not be handled.")
					: new GatewayProblem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
							"An unexpected error occurred. Quote the X-Request-Id when reporting it.");
		};
	}

	private static GatewayProblem unavailable() {
		return new GatewayProblem(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE", UNAVAILABLE_DETAIL);
	}

	private static GatewayProblem timeout() {
		return new GatewayProblem(HttpStatus.GATEWAY_TIMEOUT, "UPSTREAM_TIMEOUT",
				"The service behind this path did not answer in time. Retry later.");
	}

}
