package com.cloudpartner.gateway.observe;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.cloudpartner.gateway.edge.InboundHeadersFilter;
import com.cloudpartner.gateway.security.Identity;
import com.cloudpartner.support.security.VerifiedToken;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.tracing.handler.TracingObservationHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

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
 * trace id, account, route, method, path, status, latency to the first byte), built here
 * in one {@code StringBuilder} with escaped fields and written as it is, without a
 * pattern layout, by an asynchronous appender ({@code logback-spring.xml},
 * {@link MessageLineEncoder}); and the timer {@code gateway.requests} tagged by route,
 * account, method and status, exported at {@code /actuator/prometheus} as
 * {@code gateway_requests_seconds_*}.
 * <p>
 * The timers are looked up in a map of their own rather than built and registered per
 * request, and the {@code account} tag is bounded: the first {@value #MAX_ACCOUNTS}
 * accounts seen get their own series, later ones share {@code account="other"} (the
 * access log still names them), so that a flood of accounts cannot grow the registry
 * without end.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class AccessLogFilter implements WebFilter {

	static final String LOGGER = "gateway.access";

	/** Distinct values of the {@code account} tag at most (then {@code other}). */
	static final int MAX_ACCOUNTS = 1000;

	private static final Logger log = LoggerFactory.getLogger(LOGGER);

	private final MeterRegistry meters;

	private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();

	private final Set<String> taggedAccounts = ConcurrentHashMap.newKeySet();

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
		int statusValue = (status != null) ? status.value() : 200;
		String routeId = (route != null) ? route.getId() : null;
		String account = (token != null) ? token.accountId() : null;
		String method = exchange.getRequest().getMethod().name();
		timerOf(routeId, account, method, statusValue).record(nanos, TimeUnit.NANOSECONDS);
		if (log.isInfoEnabled()) {
			StringBuilder line = new StringBuilder(256);
			line.append('{');
			field(line, "requestId", InboundHeadersFilter.requestIdOf(exchange)).append(',');
			field(line, "traceId", traceIdOf(exchange)).append(',');
			field(line, "account", account).append(',');
			field(line, "subject", (token != null) ? token.subject() : null).append(',');
			field(line, "route", routeId).append(',');
			field(line, "method", method).append(',');
			field(line, "path", exchange.getRequest().getPath().value()).append(',');
			line.append("\"status\":").append(statusValue).append(',');
			appendMillis(line.append("\"latencyMs\":"), nanos).append('}');
			log.info(line.toString());
		}
	}

	/** Milliseconds with three decimals, without formatting a double. */
	static StringBuilder appendMillis(StringBuilder line, long nanos) {
		long micros = Math.max(nanos, 0) / 1000;
		long fraction = micros % 1000;
		line.append(micros / 1000).append('.');
		if (fraction < 100) {
			line.append((fraction < 10) ? "00" : "0");
		}
		return line.append(fraction);
	}

	private Timer timerOf(String routeId, String account, String method, int status) {
		String accountTag = (account == null) ? "none" : account;
		if (account != null && !this.taggedAccounts.contains(account)) {
			accountTag = (this.taggedAccounts.size() < MAX_ACCOUNTS && this.taggedAccounts.add(account)) ? account
					: "other";
		}
		TimerKey key = new TimerKey((routeId != null) ? routeId : "none", accountTag, method, status);
		Timer timer = this.timers.get(key);
		return (timer != null) ? timer : this.timers.computeIfAbsent(key, this::register);
	}

	private Timer register(TimerKey key) {
		return Timer.builder("gateway.requests")
			.description("Requests answered by the gateway")
			.tag("route", key.route())
			.tag("account", key.account())
			.tag("method", key.method())
			.tag("status", Integer.toString(key.status()))
			.register(this.meters);
	}

	private record TimerKey(String route, String account, String method, int status) {
	}

	private static StringBuilder field(StringBuilder line, String name, String value) {
		line.append('"').append(name).append("\":");
		if (value == null) {
			return line.append("null");
		}
		line.append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> line.append("\\\"");
				case '\\' -> line.append("\\\\");
				default -> {
					if (c < 0x20) {
						line.append(String.format("\\u%04x", (int) c));
					}
					else {
						line.append(c);
					}
				}
			}
		}
		return line.append('"');
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
