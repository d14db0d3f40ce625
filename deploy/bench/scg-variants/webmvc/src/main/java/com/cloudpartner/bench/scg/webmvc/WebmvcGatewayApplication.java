package com.cloudpartner.bench.scg.webmvc;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.cloudpartner.bench.scg.BenchTokens;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spring Cloud Gateway on the WebMVC server (Tomcat, virtual threads), reduced to what
 * the benchmark compares: routes from configuration and a servlet filter that checks the
 * token.
 */
@SpringBootApplication
public class WebmvcGatewayApplication {

	public static void main(String[] args) {
		SpringApplication.run(WebmvcGatewayApplication.class, args);
	}

	@Bean
	OncePerRequestFilter bearerToken(@Value("${platform.security.jwks-uri}") String jwks) {
		BenchTokens tokens = new BenchTokens(jwks);
		return new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				if (BenchTokens.needsToken(request.getRequestURI())
						&& !tokens.accepts(request.getHeader(HttpHeaders.AUTHORIZATION))) {
					response.setStatus(401);
					return;
				}
				chain.doFilter(request, response);
			}

		};
	}

}
