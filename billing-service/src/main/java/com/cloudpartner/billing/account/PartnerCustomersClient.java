package com.cloudpartner.billing.account;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.cloudpartner.support.problem.ApiProblem;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Asks partner-service about a customer billing has not heard of yet (its
 * {@code customer.created} may still be on the way), with the caller's own token, a
 * timeout and a circuit breaker: when partner-service cannot answer, the request is
 * refused with 503, never guessed.
 */
@Component
class PartnerCustomersClient {

	private static final Logger log = LoggerFactory.getLogger(PartnerCustomersClient.class);

	private final HttpClient http;

	private final JsonMapper json;

	private final String baseUrl;

	private final Duration timeout;

	private final CircuitBreaker breaker = CircuitBreaker.of("partner-service-customers",
			CircuitBreakerConfig.custom()
				.slidingWindowSize(10)
				.minimumNumberOfCalls(5)
				.failureRateThreshold(50)
				.waitDurationInOpenState(Duration.ofSeconds(10))
				.build());

	PartnerCustomersClient(JsonMapper json, @Value("${platform.services.partner:http://localhost:8081}") String baseUrl,
			@Value("${platform.services.partner-timeout:2s}") Duration timeout) {
		this.json = json;
		this.baseUrl = baseUrl;
		this.timeout = timeout;
		this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
	}

	/**
	 * The customer as partner-service knows it, empty when it answers 404.
	 * @throws ApiProblem 503 {@code SERVICE_UNAVAILABLE} when partner-service cannot
	 * answer
	 */
	Optional<RemoteCustomer> find(String accountId, String customerId, String authorization) {
		try {
			return this.breaker.executeCallable(() -> fetch(accountId, customerId, authorization));
		}
		catch (Exception ex) {
			log.warn("partner-service could not confirm customer {} of {}: {}", customerId, accountId, ex.toString());
			throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE",
					"The customer cannot be confirmed right now because partner-service is unavailable; retry later.");
		}
	}

	private Optional<RemoteCustomer> fetch(String accountId, String customerId, String authorization)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create(this.baseUrl + "/v1/accounts/" + URLEncoder.encode(accountId, StandardCharsets.UTF_8)
					+ "/customers/" + URLEncoder.encode(customerId, StandardCharsets.UTF_8)))
			.timeout(this.timeout)
			.header("Accept", "application/json")
			.GET();
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() == 404) {
			return Optional.empty();
		}
		if (response.statusCode() != 200) {
			throw new IOException("partner-service answered " + response.statusCode());
		}
		JsonNode body = this.json.readTree(response.body());
		return Optional.of(new RemoteCustomer(text(body, "userId"), text(body, "displayName")));
	}

	private static String text(JsonNode body, String field) {
		JsonNode value = body.get(field);
		return (value == null || value.isNull()) ? null : value.asString();
	}

	/** The part of partner-service's customer billing keeps. */
	record RemoteCustomer(String userId, String displayName) {
	}

}
