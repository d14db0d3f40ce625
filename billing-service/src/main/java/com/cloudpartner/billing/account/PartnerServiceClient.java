package com.cloudpartner.billing.account;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.cloudpartner.billing.config.ServiceCalls;
import com.cloudpartner.support.problem.ApiProblem;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * billing's synchronous reads at partner-service, with the caller's own token, a timeout
 * and one circuit breaker: a customer billing has not heard of yet (its
 * {@code customer.created} may still be on the way, decision 0057) and a partner's tax
 * contact before a tax-invoice payment. When partner-service cannot answer, the request
 * is refused with 503, never guessed.
 */
@Component
public class PartnerServiceClient {

	private static final Logger log = LoggerFactory.getLogger(PartnerServiceClient.class);

	private final JsonMapper json;

	// refusals mapped to problems (404, 403) are answers, not failures of partner-service
	private final ServiceCalls calls;

	PartnerServiceClient(JsonMapper json, @Value("${platform.services.partner:http://localhost:8081}") String baseUrl,
			@Value("${platform.services.partner-timeout:2s}") Duration timeout) {
		this.json = json;
		this.calls = new ServiceCalls("partner-service", baseUrl, timeout, ApiProblem.class);
	}

	/**
	 * The customer as partner-service knows it, empty when it answers 404.
	 * @throws ApiProblem 503 {@code SERVICE_UNAVAILABLE} when partner-service cannot
	 * answer
	 */
	Optional<RemoteCustomer> findCustomer(String accountId, String customerId, String authorization) {
		try {
			return this.calls.breaker().executeCallable(() -> {
				HttpResponse<String> response = get(
						"/v1/accounts/" + encode(accountId) + "/customers/" + encode(customerId), authorization);
				if (response.statusCode() == 404) {
					return Optional.empty();
				}
				if (response.statusCode() != 200) {
					throw new IOException("partner-service answered " + response.statusCode());
				}
				JsonNode body = this.json.readTree(response.body());
				return Optional.of(new RemoteCustomer(text(body, "userId"), text(body, "displayName")));
			});
		}
		catch (Exception ex) {
			log.warn("partner-service could not confirm customer {} of {}: {}", customerId, accountId, ex.toString());
			throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE",
					"The customer cannot be confirmed right now because partner-service is unavailable; retry later.");
		}
	}

	/**
	 * The account's tax contact, or {@code null} when it has none on file.
	 * @throws ApiProblem 404 {@code ACCOUNT_NOT_FOUND}, 403 {@code ACCOUNT_FORBIDDEN}
	 * when partner-service refuses the caller, 503 {@code PARTNER_SERVICE_UNAVAILABLE}
	 * when it cannot answer
	 */
	public JsonNode taxContact(String accountId, String authorization) {
		try {
			return this.calls.breaker().executeCallable(() -> {
				HttpResponse<String> response = get("/v1/accounts/" + encode(accountId), authorization);
				if (response.statusCode() == 404) {
					throw ApiProblem.notFound("ACCOUNT_NOT_FOUND",
							"partner-service knows no account " + accountId + ".");
				}
				if (response.statusCode() == 401 || response.statusCode() == 403) {
					throw new ApiProblem(HttpStatus.FORBIDDEN, "ACCOUNT_FORBIDDEN",
							"partner-service refused to show the account's tax contact to this caller.");
				}
				if (response.statusCode() != 200) {
					throw new IOException("partner-service answered " + response.statusCode());
				}
				JsonNode contact = this.json.readTree(response.body()).get("taxContact");
				return (contact == null || contact.isNull() || !contact.isObject() || contact.isEmpty()) ? null
						: contact;
			});
		}
		catch (ApiProblem problem) {
			throw problem;
		}
		catch (Exception ex) {
			log.warn("partner-service could not show the tax contact of {}: {}", accountId, ex.toString());
			throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "PARTNER_SERVICE_UNAVAILABLE",
					"The partner's tax contact cannot be read right now; retry the payment later.");
		}
	}

	private HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
		return this.calls.send(this.calls.request(path, authorization).GET(), HttpResponse.BodyHandlers.ofString());
	}

	private static String encode(String segment) {
		return ServiceCalls.encode(segment);
	}

	private static String text(JsonNode body, String field) {
		JsonNode value = body.get(field);
		return (value == null || value.isNull()) ? null : value.asString();
	}

	/** The part of partner-service's customer billing keeps. */
	record RemoteCustomer(String userId, String displayName) {
	}

}
