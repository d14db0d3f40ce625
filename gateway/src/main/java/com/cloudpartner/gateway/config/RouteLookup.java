package com.cloudpartner.gateway.config;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.reactivestreams.Publisher;
import reactor.core.Fuseable;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.config.GlobalCorsProperties;
import org.springframework.cloud.gateway.event.RefreshRoutesResultEvent;
import org.springframework.cloud.gateway.handler.AsyncPredicate;
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

	private final AtomicLong stockLookups = new AtomicLong();

	private static final Object NOT_ON_THE_SPOT = new Object();

	private static final VarHandle AND_LEFT;

	private static final VarHandle AND_RIGHT;

	static {
		VarHandle left = null;
		VarHandle right = null;
		try {
			MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(AsyncPredicate.AndAsyncPredicate.class,
					MethodHandles.lookup());
			left = lookup.findVarHandle(AsyncPredicate.AndAsyncPredicate.class, "left", AsyncPredicate.class);
			right = lookup.findVarHandle(AsyncPredicate.AndAsyncPredicate.class, "right", AsyncPredicate.class);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			// another Spring Cloud Gateway: its AND predicates go through the stock
			// lookup
			log.warn("Route predicates combined with AND are looked up the stock way: " + ex);
		}
		AND_LEFT = (right != null) ? left : null;
		AND_RIGHT = right;
	}

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

	/**
	 * How many lookups went through the stock lookup (a predicate not answered on the
	 * spot, or before the routes were taken).
	 */
	public long stockLookups() {
		return this.stockLookups.get();
	}

	@Override
	protected Mono<Route> lookupRoute(ServerWebExchange exchange) {
		List<Route> routes = this.routes;
		if (routes == null) {
			return stockLookup(exchange);
		}
		for (Route route : routes) {
			exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_PREDICATE_ROUTE_ATTR, route.getId());
			Object matches;
			try {
				matches = answer(route.getPredicate(), exchange);
			}
			catch (Exception ex) {
				// as the stock lookup: a predicate that fails does not match
				log.error("Error applying predicate for route: " + route.getId(), ex);
				continue;
			}
			if (matches == NOT_ON_THE_SPOT) {
				return stockLookup(exchange);
			}
			if (Boolean.TRUE.equals(matches)) {
				validateRoute(route, exchange);
				return Mono.just(route);
			}
		}
		return Mono.empty();
	}

	private Mono<Route> stockLookup(ServerWebExchange exchange) {
		this.stockLookups.incrementAndGet();
		return super.lookupRoute(exchange);
	}

	/**
	 * The predicate's answer when it is there at once ({@code TRUE}, {@code FALSE},
	 * {@code null} for an empty answer), else {@link #NOT_ON_THE_SPOT}. Spring Cloud
	 * Gateway builds every configured route's predicate as {@code true AND Path...}
	 * ({@code AndAsyncPredicate}, whose answer is a {@code flatMap}): its two sides are
	 * answered here in the same order, the right one only when the left one is true.
	 */
	@SuppressWarnings("unchecked")
	private static Object answer(AsyncPredicate<? super ServerWebExchange> predicate, ServerWebExchange exchange)
			throws Exception {
		if (AND_LEFT != null && predicate.getClass() == AsyncPredicate.AndAsyncPredicate.class) {
			Object left = answer((AsyncPredicate<? super ServerWebExchange>) AND_LEFT.get(predicate), exchange);
			if (left == NOT_ON_THE_SPOT || !Boolean.TRUE.equals(left)) {
				return (left == NOT_ON_THE_SPOT) ? left : Boolean.FALSE;
			}
			return answer((AsyncPredicate<? super ServerWebExchange>) AND_RIGHT.get(predicate), exchange);
		}
		Publisher<Boolean> answer = predicate.apply(exchange);
		if (answer instanceof Fuseable.ScalarCallable<?> scalar) {
			return ((Callable<?>) scalar).call();
		}
		return NOT_ON_THE_SPOT;
	}

}
