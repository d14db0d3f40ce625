package com.cloudpartner.billing.usage;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import com.cloudpartner.billing.config.ServiceCalls;
import com.cloudpartner.support.problem.ApiProblem;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Asks entitlement-service which entitlements of an account exist, for usage naming an
 * entitlement billing has not heard of yet (its {@code entitlement.created} may still be
 * on the way, decision 0073): one call for all of a batch's unknown entitlements of one
 * account, with the reporter's own token, a timeout and a circuit breaker. When
 * entitlement-service cannot answer, the batch is refused with 503, never guessed.
 */
@Component
class EntitlementServiceClient {

	private static final Logger log = LoggerFactory.getLogger(EntitlementServiceClient.class);

	private final JsonMapper json;

	private final ServiceCalls calls;

	EntitlementServiceClient(JsonMapper json,
			@Value("${platform.services.entitlement:http://localhost:8082}") String baseUrl,
			@Value("${platform.services.entitlement-timeout:2s}") Duration timeout) {
		this.json = json;
		this.calls = new ServiceCalls("entitlement-service-entitlements", baseUrl, timeout);
	}

	/**
	 * Which of the named entitlements exist under the account and the customer named with
	 * each.
	 * @param authorization the reporter's Authorization header, forwarded as it came
	 * @throws ApiProblem 503 {@code SERVICE_UNAVAILABLE} when entitlement-service cannot
	 * answer
	 */
	Set<Named> existing(String accountId, Collection<Named> named, String authorization) {
		try {
			return this.calls.breaker().executeCallable(() -> fetch(accountId, named, authorization));
		}
		catch (Exception ex) {
			log.warn("entitlement-service could not confirm {} entitlements of {}: {}", named.size(), accountId,
					ex.toString());
			throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE",
					"The batch names entitlements billing has not heard of, and entitlement-service cannot confirm "
							+ "them right now; nothing of this batch was accepted. Retry the same batch.");
		}
	}

	private Set<Named> fetch(String accountId, Collection<Named> named, String authorization)
			throws IOException, InterruptedException {
		ObjectNode body = this.json.createObjectNode();
		ArrayNode asked = body.putArray("entitlements");
		for (Named one : named) {
			asked.addObject().put("customerId", one.customerId()).put("entitlementId", one.entitlementId());
		}
		HttpRequest.Builder request = this.calls
			.request("/v1/accounts/" + ServiceCalls.encode(accountId) + "/lookup-entitlements", authorization)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(this.json.writeValueAsBytes(body)));
		HttpResponse<byte[]> response = this.calls.send(request, HttpResponse.BodyHandlers.ofByteArray());
		if (response.statusCode() != 200) {
			throw new IOException("entitlement-service answered " + response.statusCode());
		}
		Set<Named> found = new HashSet<>();
		for (JsonNode one : this.json.readTree(response.body()).path("entitlements")) {
			found.add(new Named(one.path("customerId").asString(), one.path("entitlementId").asString()));
		}
		return found;
	}

	/** An entitlement as a usage event names it under its account. */
	record Named(String customerId, String entitlementId) {
	}

}
