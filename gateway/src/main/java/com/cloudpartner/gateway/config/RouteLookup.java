package com.cloudpartner.gateway.config;

import java.util.List;
import java.util.concurrent.Callable;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.reactivestreams.Publisher;
import reactor.core.Fuseable;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.config.GlobalCorsProperties;
import org.springframework.cloud.gateway.event.RefreshRoutesResultEvent;
import org.springframework.cloud.gateway.handler.FilteringWebHandler;
import org.springframework.cloud.gateway.handler.RoutePredicateHandlerMapping;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.core.env.Environment;
import org.springframework.web.server.ServerWebExchange;

/**
 * Spring Cloud Gateway's route lookup, without a reactor pipeline per request. The stock
 * {@link RoutePredicateHandlerMapping} looks a route up with
 * {@code getRoutes().filterWhen(predicate).next()}: on every request a {@code filterWhen}
 * over the cached route flux (its dematerialised signals, a {@code Mono} per route tried,
 * discard hooks and context lookups on the way out). In the gateway's profile that
 * plumbing was several per cent of the CPU on the event loop, far more than the path
 * patterns themselves.
 * <p>
 * Here the routes are kept as a list, taken when the context is up and again whenever
 * Spring Cloud Gateway's route cache is refreshed ({@link RefreshRoutesResultEvent}), and
 * tried in the same order with the same attributes set. A predicate whose answer is
 * already there (a {@code Mono.just}, which is what every synchronous predicate such as
 * {@code Path} gives) is read on the spot; a route with a truly asynchronous predicate,
 * or a lookup before the first refresh, goes through the stock lookup, so the result is
 * the same route in every case.
 */
public class RouteLookup extends RoutePredicateHandlerMapping implements ApplicationListener<ApplicationEvent> {

	private static final Log log = LogFactory.getLog(RouteLookup.class);

	private final RouteLocator routeLocator;

	private volatile List<Route> routes;

	public RouteLookup(FilteringWebHandler webHandler, RouteLocator routeLocator, GlobalCorsProperties corsProperties,
			Environment environment) {
		super(webHandler, routeLocator, corsProperties, environment);
		this.routeLocator = routeLocator;
	}

	/**
	 * Takes the routes when the context is up (Spring Cloud Gateway fills its route cache
	 * on first use, without a refresh event) and again after every successful refresh.
	 */
	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (event instanceof ContextRefreshedEvent
				|| (event instanceof RefreshRoutesResultEvent result && result.isSuccess())) {
			this.routeLocator.getRoutes().collectList().subscribe((list) -> this.routes = List.copyOf(list));
		}
	}

	/** The routes tried, in order; empty until the context is up. */
	public List<Route> routesInOrder() {
		List<Route> routes = this.routes;
		return (routes != null) ? routes : List.of();
	}

	@Override
	protected Mono<Route> lookupRoute(ServerWebExchange exchange) {
		List<Route> routes = this.routes;
		if (routes == null) {
			return super.lookupRoute(exchange);
		}
		for (Route route : routes) {
			exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_PREDICATE_ROUTE_ATTR, route.getId());
			Publisher<Boolean> answer;
			try {
				answer = route.getPredicate().apply(exchange);
			}
			catch (Exception ex) {
				// as the stock lookup: a predicate that fails does not match
				log.error("Error applying predicate for route: " + route.getId(), ex);
				continue;
			}
			if (!(answer instanceof Fuseable.ScalarCallable<?>)) {
				return super.lookupRoute(exchange);
			}
			Object matches;
			try {
				matches = ((Callable<?>) answer).call();
			}
			catch (Exception ex) {
				// a Mono.error: the stock lookup's filterWhen ends with the same error
				return Mono.error(ex);
			}
			if (Boolean.TRUE.equals(matches)) {
				validateRoute(route, exchange);
				return Mono.just(route);
			}
		}
		return Mono.empty();
	}

}
