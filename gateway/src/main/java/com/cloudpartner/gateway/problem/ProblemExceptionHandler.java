package com.cloudpartner.gateway.problem;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.cloudpartner.gateway.edge.InboundHeadersFilter;
import com.cloudpartner.support.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Renders every error of the gateway (refused tokens, unknown paths, unreachable or slow
 * services, bugs) as problem+json with a stable {@code code}; it replaces Boot's default
 * handler. Nothing of the exception reaches the caller; unexpected ones are logged with
 * the request id.
 */
@Component
@Order(-2)
class ProblemExceptionHandler implements ErrorWebExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

	private final JsonMapper json = JsonMapper.builder().build();

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.error(failure);
		}
		GatewayProblem problem = GatewayProblem.of(failure);
		Object requestId = exchange.getAttribute(InboundHeadersFilter.REQUEST_ID_ATTRIBUTE);
		if (problem.unexpected()) {
			log.error("Unexpected failure of {} {} (request {})", exchange.getRequest().getMethod(),
					exchange.getRequest().getPath(), requestId, failure);
		}
		else if (problem.status().is5xxServerError()) {
			log.warn("{} {} failed with {} (request {}): {}", exchange.getRequest().getMethod(),
					exchange.getRequest().getPath(), problem.code(), requestId, failure.toString());
		}
		response.setStatusCode(problem.status());
		HttpHeaders headers = response.getHeaders();
		headers.remove(HttpHeaders.CONTENT_LENGTH);
		headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (failure instanceof ResponseStatusException rse) {
			// Allow on 405, for one
			rse.getHeaders().forEach(headers::put);
		}
		if (problem.status().value() == 401) {
			headers.set(HttpHeaders.WWW_AUTHENTICATE,
					"TOKEN_MISSING".equals(problem.code()) ? "Bearer" : "Bearer error=\"invalid_token\"");
		}
		if (requestId != null) {
			headers.set(InboundHeadersFilter.REQUEST_ID, requestId.toString());
		}
		HttpStatus status = HttpStatus.resolve(problem.status().value());
		String title = (status != null) ? status.getReasonPhrase() : "Error";
		byte[] body = render(problem, title);
		DataBuffer buffer = response.bufferFactory().wrap(body);
		return response.writeWith(Mono.just(buffer));
	}

	private byte[] render(GatewayProblem problem, String title) {
		if (problem.errors().isEmpty()) {
			return Problems.json(problem.status().value(), title, problem.code(), problem.detail())
				.getBytes(StandardCharsets.UTF_8);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", Problems.typeOf(problem.code()).toString());
		body.put("title", title);
		body.put("status", problem.status().value());
		body.put("detail", problem.detail());
		body.put("code", problem.code());
		body.put("errors",
				problem.errors().stream().map((e) -> Map.of("field", e.field(), "message", e.message())).toList());
		return this.json.writeValueAsBytes(body);
	}

}
