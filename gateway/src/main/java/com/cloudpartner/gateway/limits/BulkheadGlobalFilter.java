package com.cloudpartner.gateway.limits;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.cloudpartner.gateway.config.GatewayProperties;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * One resilience4j bulkhead per service (the part of the route id before the first dash):
 * a slow service holds at most {@code maxConcurrentCalls} calls; beyond that the gateway
 * answers {@code 503 SERVICE_UNAVAILABLE} at once instead of queueing, so that one slow
 * service cannot take the gateway's capacity from the others.
 */
@Component
class BulkheadGlobalFilter implements GlobalFilter, Ordered {

	static final int ORDER = RequestLimitsGlobalFilter.ORDER + 100;

	private final BulkheadConfig config;

	/** By service name. */
	private final Map<String, Bulkhead> bulkheads = new ConcurrentHashMap<>();

	/** By route id: the service's bulkhead, found once per route. */
	private final Map<String, Bulkhead> byRoute = new ConcurrentHashMap<>();

	BulkheadGlobalFilter(GatewayProperties properties) {
		this.config = BulkheadConfig.custom()
			.maxConcurrentCalls(properties.bulkhead().maxConcurrentCalls())
			.maxWaitDuration(Duration.ZERO)
			.build();
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		if (route == null) {
			return chain.filter(exchange);
		}
		Bulkhead bulkhead = this.byRoute.computeIfAbsent(route.getId(), this::bulkheadOfRoute);
		// The chain is subscribed right away by the gateway (this runs inside its
		// deferred filter chain), so the permit is taken here and given back once the
		// call ends however it ends; cheaper than the reactor operator's per-subscriber
		// bookkeeping.
		if (!bulkhead.tryAcquirePermission()) {
			return Mono.error(BulkheadFullException.createBulkheadFullException(bulkhead));
		}
		return chain.filter(exchange).doFinally((signal) -> bulkhead.onComplete());
	}

	private Bulkhead bulkheadOfRoute(String routeId) {
		int dash = routeId.indexOf('-');
		String service = (dash > 0) ? routeId.substring(0, dash) : routeId;
		return this.bulkheads.computeIfAbsent(service, (name) -> Bulkhead.of(name, this.config));
	}

}
