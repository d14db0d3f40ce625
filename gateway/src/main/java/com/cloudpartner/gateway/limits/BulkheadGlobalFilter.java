package com.cloudpartner.gateway.limits;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.cloudpartner.gateway.config.GatewayProperties;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.reactor.bulkhead.operator.BulkheadOperator;
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

	private final Map<String, Bulkhead> bulkheads = new ConcurrentHashMap<>();

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
		String id = route.getId();
		int dash = id.indexOf('-');
		String service = (dash > 0) ? id.substring(0, dash) : id;
		Bulkhead bulkhead = this.bulkheads.computeIfAbsent(service, (name) -> Bulkhead.of(name, this.config));
		return chain.filter(exchange).transformDeferred(BulkheadOperator.of(bulkhead));
	}

}
