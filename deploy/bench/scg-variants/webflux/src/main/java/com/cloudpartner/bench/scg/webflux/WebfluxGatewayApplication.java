package com.cloudpartner.bench.scg.webflux;

import com.cloudpartner.bench.scg.BenchTokens;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * Spring Cloud Gateway on the WebFlux server (Netty), reduced to what the benchmark
 * compares: routes from configuration and a global filter that checks the token.
 */
@SpringBootApplication
public class WebfluxGatewayApplication {

	public static void main(String[] args) {
		SpringApplication.run(WebfluxGatewayApplication.class, args);
	}

	@Bean
	GlobalFilter bearerToken(@Value("${platform.security.jwks-uri}") String jwks) {
		BenchTokens tokens = new BenchTokens(jwks);
		return (exchange, chain) -> {
			if (BenchTokens.needsToken(exchange.getRequest().getPath().value())
					&& !tokens.accepts(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION))) {
				exchange.getResponse().setStatusCode(HttpStatus.UNAUTHORIZED);
				return exchange.getResponse().setComplete();
			}
			return chain.filter(exchange);
		};
	}

}
