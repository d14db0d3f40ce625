package com.cloudpartner.gateway.observe;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.cloudpartner.gateway.edge.InboundHeadersFilter;
import com.cloudpartner.gateway.security.Identity;
import com.cloudpartner.support.security.VerifiedToken;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.tracing.handler.TracingObservationHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * One structured JSON line per request on the logger {@code gateway.access} (request id,
 * trace id, account, route, method, path, status, latency to the first byte), and the
 * timer {@code gateway.requests} tagged by route, account, method and status, exported at
 * {@code /actuator/prometheus} as {@code gateway_requests_seconds_*}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class AccessLogFilter implements WebFilter {

	static final String LOGGER = "gateway.access";

	private static final Logger log = LoggerFactory.getLogger(LOGGER);

	private final JsonMapper json = JsonMapper.builder().build();

	private final MeterRegistry meters;

	AccessLogFilter(MeterRegistry meters) {
		this.meters = meters;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		long start = System.nanoTime();
		exchange.getResponse().beforeCommit(() -> {
			record(exchange, System.nanoTime() - start);
			return Mono.empty();
		});
		return chain.filter(exchange);
	}

	private void record(ServerWebExchange exchange, long nanos) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		VerifiedToken token = Identity.of(exchange);
		HttpStatusCode status = exchange.getResponse().getStatusCode();
		String routeId = (route != null) ? route.getId() : "none";
		String account = (token != null && token.accountId() != null) ? token.accountId() : "none";
		String statusText = (status != null) ? Integer.toString(status.value()) : "200";
		String method = exchange.getRequest().getMethod().name();
		Timer.builder("gateway.requests")
			.description("Requests answered by the gateway")
			.tag("route", routeId)
			.tag("account", account)
			.tag("method", method)
			.tag("status", statusText)
			.register(this.meters)
			.record(Duration.ofNanos(nanos));
		if (log.isInfoEnabled()) {
			Map<String, Object> line = new LinkedHashMap<>();
			line.put("requestId", exchange.getAttribute(InboundHeadersFilter.REQUEST_ID_ATTRIBUTE));
			line.put("traceId", traceIdOf(exchange));
			line.put("account", (token != null) ? token.accountId() : null);
			line.put("subject", (token != null) ? token.subject() : null);
			line.put("route", (route != null) ? route.getId() : null);
			line.put("method", method);
			line.put("path", exchange.getRequest().getPath().value());
			line.put("status", (status != null) ? status.value() : 200);
			line.put("latencyMs", nanos / 1_000_000.0);
			log.info(this.json.writeValueAsString(line));
		}
	}

	static String traceIdOf(ServerWebExchange exchange) {
		return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
			.map((context) -> (TracingObservationHandler.TracingContext) context
				.get(TracingObservationHandler.TracingContext.class))
			.map(TracingObservationHandler.TracingContext::getSpan)
			.map((span) -> span.context().traceId())
			.orElse(null);
	}

}
