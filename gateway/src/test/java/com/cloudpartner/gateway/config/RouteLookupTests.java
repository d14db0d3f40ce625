package com.cloudpartner.gateway.config;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.config.GlobalCorsProperties;
import org.springframework.cloud.gateway.event.RefreshRoutesResultEvent;
import org.springframework.cloud.gateway.handler.AsyncPredicate;
import org.springframework.cloud.gateway.handler.FilteringWebHandler;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class RouteLookupTests {

	private final List<Route> routes = new ArrayList<>();

	private final RouteLookup lookup = new RouteLookup(new FilteringWebHandler(List.of(), false),
			() -> Flux.fromIterable(this.routes), new GlobalCorsProperties(), new MockEnvironment());

	@Test
	void theFirstMatchingRouteInOrderWinsAndIsNamedOnTheExchange() {
		this.routes.add(route("products", path("/v1/products")));
		this.routes.add(route("import", path("/v1/accounts/a/customers/import")));
		this.routes
			.add(route("customers", (exchange) -> exchange.getRequest().getPath().value().startsWith("/v1/accounts/")));
		refreshed();

		ServerWebExchange exchange = exchange("/v1/accounts/a/customers/import");
		assertThat(this.lookup.lookupRoute(exchange).block().getId()).isEqualTo("import");
		assertThat((String) exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_PREDICATE_ROUTE_ATTR))
			.isEqualTo("import");
		assertThat(this.lookup.lookupRoute(exchange("/v1/accounts/a/customers/c")).block().getId())
			.isEqualTo("customers");
		assertThat(this.lookup.lookupRoute(exchange("/v2/other")).blockOptional()).isEmpty();
		assertThat(this.lookup.stockLookups()).isZero();
	}

	@Test
	void anAsynchronousPredicateGivesTheSameRouteAsTheStockLookup() {
		this.routes.add(route("products", path("/v1/products")));
		this.routes.add(Route.async()
			.id("async")
			.uri("http://localhost:1")
			.asyncPredicate((exchange) -> Mono.just(exchange.getRequest().getPath().value().equals("/v1/async")).hide())
			.build());
		this.routes.add(route("fallback", (exchange) -> true));
		refreshed();

		assertThat(this.lookup.lookupRoute(exchange("/v1/async")).block().getId()).isEqualTo("async");
		assertThat(this.lookup.lookupRoute(exchange("/v1/else")).block().getId()).isEqualTo("fallback");
		assertThat(this.lookup.lookupRoute(exchange("/v1/products")).block().getId()).isEqualTo("products");
		assertThat(this.lookup.stockLookups()).isEqualTo(2);
	}

	@Test
	void aPredicateThatFailsDoesNotMatch() {
		this.routes.add(route("broken", (exchange) -> {
			throw new IllegalStateException("broken predicate");
		}));
		this.routes.add(route("next", path("/v1/products")));
		refreshed();

		assertThat(this.lookup.lookupRoute(exchange("/v1/products")).block().getId()).isEqualTo("next");
	}

	@Test
	void theRoutesAreTakenAgainOnEveryRefreshAndLookedUpBeforeTheFirstOne() {
		this.routes.add(route("first", path("/v1/products")));
		assertThat(this.lookup.lookupRoute(exchange("/v1/products")).block().getId()).isEqualTo("first");
		refreshed();
		this.routes.add(0, route("second", path("/v1/products")));
		assertThat(this.lookup.lookupRoute(exchange("/v1/products")).block().getId()).isEqualTo("first");
		refreshed();
		assertThat(this.lookup.lookupRoute(exchange("/v1/products")).block().getId()).isEqualTo("second");
		this.lookup.onApplicationEvent(new RefreshRoutesResultEvent(this, new IllegalStateException("failed")));
		assertThat(this.lookup.lookupRoute(exchange("/v1/products")).block().getId()).isEqualTo("second");
	}

	private void refreshed() {
		this.lookup.onApplicationEvent(new RefreshRoutesResultEvent(this));
	}

	private static Predicate<ServerWebExchange> path(String path) {
		return (exchange) -> exchange.getRequest().getPath().value().equals(path);
	}

	/** Combined with AND as Spring Cloud Gateway combines a route's predicates. */
	private static Route route(String id, Predicate<ServerWebExchange> predicate) {
		AsyncPredicate<ServerWebExchange> async = AsyncPredicate.from((exchange) -> true)
			.and(AsyncPredicate.from(predicate));
		return Route.async().id(id).uri("http://localhost:1").asyncPredicate(async).build();
	}

	private static ServerWebExchange exchange(String path) {
		return MockServerWebExchange.from(MockServerHttpRequest.get(path));
	}

}
