package com.cloudpartner.billing.invoice;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.cloudpartner.support.problem.ApiProblem;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The one synchronous read billing makes: the partner's account from partner-service, for
 * its tax contact, with the caller's own token, a timeout and a circuit breaker. When
 * partner-service cannot answer the payment is refused with 503, never guessed.
 */
@Component
class PartnerAccountsClient {

	private final HttpClient http;

	private final JsonMapper json;

	private final String baseUrl;

	private final Duration timeout;

	private final CircuitBreaker breaker = CircuitBreaker.of("partner-service",
			CircuitBreakerConfig.custom()
				.slidingWindowSize(10)
				.minimumNumberOfCalls(5)
				.failureRateThreshold(50)
				.waitDurationInOpenState(Duration.ofSeconds(10))
				.ignoreExceptions(ApiProblem.class)
				.build());

	PartnerAccountsClient(JsonMapper json, @Value("${platform.services.partner:http://localhost:8081}") String baseUrl,
			@Value("${platform.services.partner-timeout:2s}") Duration timeout) {
		this.json = json;
		this.baseUrl = baseUrl;
		this.timeout = timeout;
		this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
	}

	/** The account's tax contact, or {@code null} when it has none on file. */
	JsonNode taxContact(String accountId, String authorization) {
		try {
			return this.breaker.executeCallable(() -> fetch(accountId, authorization));
		}
		catch (ApiProblem problem) {
			throw problem;
		}
		catch (CallNotPermittedException ex) {
			throw unavailable();
		}
		catch (Exception ex) {
			throw unavailable();
		}
	}

	private JsonNode fetch(String accountId, String authorization) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(
					URI.create(this.baseUrl + "/v1/accounts/" + URLEncoder.encode(accountId, StandardCharsets.UTF_8)))
			.timeout(this.timeout)
			.header("Accept", "application/json")
			.GET();
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() == 404) {
			throw ApiProblem.notFound("ACCOUNT_NOT_FOUND", "partner-service knows no account " + accountId + ".");
		}
		if (response.statusCode() == 401 || response.statusCode() == 403) {
			throw new ApiProblem(HttpStatus.FORBIDDEN, "ACCOUNT_FORBIDDEN",
					"partner-service refused to show the account's tax contact to this caller.");
		}
		if (response.statusCode() != 200) {
			throw new IOException("partner-service answered " + response.statusCode());
		}
		JsonNode contact = this.json.readTree(response.body()).get("taxContact");
		return (contact == null || contact.isNull() || !contact.isObject() || contact.isEmpty()) ? null : contact;
	}

	private static ApiProblem unavailable() {
		return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "PARTNER_SERVICE_UNAVAILABLE",
				"The partner's tax contact cannot be read right now; retry the payment later.");
	}

}
