package com.cloudpartner.entitlement.partner;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cloudpartner.support.problem.ApiProblem;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The one synchronous call of this service: asks partner-service about a customer that
 * the projection has not seen yet (its event may still be on the way). Guarded by the
 * {@code partner-service} circuit breaker and time limiter, so a slow or failing
 * partner-service costs callers a quick 503 rather than their threads.
 */
@Component
public class PartnerServiceClient implements AutoCloseable {

	static final String INSTANCE = "partner-service";

	private static final Logger log = LoggerFactory.getLogger(PartnerServiceClient.class);

	private final RestClient rest;

	private final CircuitBreaker breaker;

	private final TimeLimiter timeLimiter;

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	PartnerServiceClient(RestClient.Builder builder, @Value("${platform.services.partner}") String baseUrl,
			CircuitBreakerRegistry breakers, TimeLimiterRegistry timeLimiters) {
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build());
		requests.setReadTimeout(Duration.ofSeconds(3));
		this.rest = builder.clone().baseUrl(baseUrl).requestFactory(requests).build();
		this.breaker = breakers.circuitBreaker(INSTANCE);
		this.timeLimiter = timeLimiters.timeLimiter(INSTANCE);
	}

	/**
	 * The customer as partner-service knows it, empty if it answers 404.
	 * @param authorization the caller's Authorization header, forwarded as it came
	 * @throws ApiProblem 503 {@code SERVICE_UNAVAILABLE} when partner-service cannot
	 * answer
	 */
	Optional<RemoteCustomer> findCustomer(String accountId, String customerId, String authorization) {
		try {
			return this.breaker.executeCallable(() -> this.timeLimiter.executeFutureSupplier(() -> CompletableFuture
				.supplyAsync(() -> fetch(accountId, customerId, authorization), this.executor)));
		}
		catch (CallNotPermittedException ex) {
			throw unavailable();
		}
		catch (Exception ex) {
			log.warn("partner-service could not confirm customer {} of {}: {}", customerId, accountId, ex.toString());
			throw unavailable();
		}
	}

	/**
	 * Creates the customer at partner-service (a transfer's import), idempotent by the
	 * given key so that a retried import creates it once.
	 * @throws ApiProblem 409 {@code CUSTOMER_EXISTS} when the user id is taken, 400
	 * {@code CUSTOMER_REJECTED} when partner-service refuses the customer, 503 when it
	 * cannot answer
	 */
	RemoteCustomer createCustomer(String accountId, NewCustomer customer, String idempotencyKey, String authorization) {
		Created created;
		try {
			created = this.breaker.executeCallable(() -> this.timeLimiter
				.executeFutureSupplier(() -> CompletableFuture.supplyAsync(() -> this.rest.post()
					.uri("/v1/accounts/{a}/customers", accountId)
					.header(HttpHeaders.AUTHORIZATION, authorization)
					.header("Idempotency-Key", idempotencyKey)
					.contentType(MediaType.APPLICATION_JSON)
					.accept(MediaType.APPLICATION_JSON)
					.body(customer)
					.exchange((request, response) -> {
						int status = response.getStatusCode().value();
						if (status >= 500) {
							throw new IllegalStateException("partner-service answered " + status);
						}
						return new Created(status, status < 300 ? response.bodyTo(RemoteCustomer.class) : null);
					}), this.executor)));
		}
		catch (CallNotPermittedException ex) {
			throw unavailable();
		}
		catch (Exception ex) {
			log.warn("partner-service could not create customer {} under {}: {}", customer.userId(), accountId,
					ex.toString());
			throw unavailable();
		}
		if (created.status() == 409) {
			throw ApiProblem.conflict("CUSTOMER_EXISTS",
					"Partner " + accountId + " already has a customer with userId " + customer.userId() + ".");
		}
		if (created.customer() == null || created.customer().id() == null) {
			throw ApiProblem.badRequest("CUSTOMER_REJECTED",
					"partner-service refused the customer (HTTP " + created.status() + ").");
		}
		return created.customer();
	}

	private Optional<RemoteCustomer> fetch(String accountId, String customerId, String authorization) {
		return this.rest.get()
			.uri("/v1/accounts/{a}/customers/{c}", accountId, customerId)
			.header(HttpHeaders.AUTHORIZATION, authorization)
			.accept(MediaType.APPLICATION_JSON)
			.exchange((request, response) -> {
				if (response.getStatusCode().value() == 404) {
					return Optional.empty();
				}
				if (!response.getStatusCode().is2xxSuccessful()) {
					throw new IllegalStateException("partner-service answered " + response.getStatusCode().value());
				}
				return Optional.ofNullable(response.bodyTo(RemoteCustomer.class));
			});
	}

	private static ApiProblem unavailable() {
		return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE",
				"The customer cannot be confirmed right now because partner-service is unavailable; retry later.");
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

	/** The part of partner-service's customer that is kept here. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record RemoteCustomer(String id, String userId, String displayName) {

	}

	/**
	 * The body of partner-service's customer creation.
	 *
	 * @param userId the partner's own id of the user
	 * @param displayName shown name
	 * @param correlationId where the customer came from
	 */
	public record NewCustomer(String userId, String displayName, String correlationId) {

	}

	private record Created(int status, RemoteCustomer customer) {

	}

}
