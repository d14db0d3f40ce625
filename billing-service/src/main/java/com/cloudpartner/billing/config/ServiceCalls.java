package com.cloudpartner.billing.config;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

/**
 * The plumbing of billing's synchronous calls to another service: one HTTP client with
 * the call's timeout, and one circuit breaker (opens when half of the last 10 calls, at
 * least 5, failed; stays open 10 s). Requests carry the caller's own
 * {@code Authorization} header as it came.
 */
public final class ServiceCalls {

	private final HttpClient http;

	private final String baseUrl;

	private final Duration timeout;

	private final CircuitBreaker breaker;

	/**
	 * @param answers exceptions that are the service's answers (a 404 or 403 mapped to a
	 * problem), not its failures: they do not count for the breaker
	 */
	@SafeVarargs
	public ServiceCalls(String name, String baseUrl, Duration timeout, Class<? extends Throwable>... answers) {
		this.baseUrl = baseUrl;
		this.timeout = timeout;
		this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
		this.breaker = CircuitBreaker.of(name,
				CircuitBreakerConfig.custom()
					.slidingWindowSize(10)
					.minimumNumberOfCalls(5)
					.failureRateThreshold(50)
					.waitDurationInOpenState(Duration.ofSeconds(10))
					.ignoreExceptions(answers)
					.build());
	}

	public CircuitBreaker breaker() {
		return this.breaker;
	}

	/** A request to a path of the service, accepting JSON, with the caller's token. */
	public HttpRequest.Builder request(String path, String authorization) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(this.timeout)
			.header("Accept", "application/json");
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return request;
	}

	public <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body)
			throws IOException, InterruptedException {
		return this.http.send(request.build(), body);
	}

	/** A path segment, encoded. */
	public static String encode(String segment) {
		return URLEncoder.encode(segment, StandardCharsets.UTF_8);
	}

}
