package com.cloudpartner.billing.usage;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import com.cloudpartner.support.input.Text;
import com.cloudpartner.support.problem.ApiProblem;
import com.cloudpartner.support.security.Access;
import com.cloudpartner.support.security.VerifiedToken;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Usage", description = "Metering sources report resource usage as CloudEvents.")
class UsageEventController {

	static final int MAX_BATCH = 1000;

	static final long MAX_BYTES = 1024 * 1024;

	private static final String EXAMPLE = """
			[{"specversion":"1.0","id":"usage-2026112305-srv-1","source":"//metering.cloudpartner.dev/zone-kr1",
			"type":"usage.recorded",
			"subject":"accounts/demo-account/customers/7c9e6679-7425-40de-944b-e07fc1f90ae7/servers/srv-1",
			"time":"2026-11-23T06:00:05Z","datacontenttype":"application/json",
			"data":{"accountId":"demo-account","customerId":"7c9e6679-7425-40de-944b-e07fc1f90ae7",
			"entitlementId":"e6f5d4c3-b2a1-4f0e-9d8c-7b6a5f4e3d2c","sku":"products/server-basic/skus/basic-2vcpu-4gb",
			"meter":"vm-hours","unit":"HOUR","quantity":"1",
			"windowStart":"2026-11-23T05:00:00Z","windowEnd":"2026-11-23T06:00:00Z"}}]""";

	private final UsageIngestion ingestion;

	private final JsonMapper json;

	private final ObjectReader event;

	UsageEventController(UsageIngestion ingestion, JsonMapper json) {
		this.ingestion = ingestion;
		this.json = json;
		// one event at a time from the batch's parser: the next event is not "trailing"
		this.event = json.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
	}

	@PostMapping(path = "/v1/usage-events",
			consumes = { MediaType.APPLICATION_JSON_VALUE, "application/cloudevents-batch+json" })
	@Operation(summary = "Report usage",
			description = "A JSON array of 1 to 1000 CloudEvents 1.0 (structured) of type usage.recorded, at most "
					+ "1 MiB. The answer comes once the accepted events are durably on Kafka. Each event "
					+ "is validated on its own: invalid ones are listed in rejected, the others accepted (an event "
					+ "of more than 262,142 bytes of JSON is refused as EVENT_TOO_LARGE). An event "
					+ "whose (source, id) was accepted before counts as a duplicate and is not charged again. "
					+ "Usage that could not be charged is refused too, never accepted and left off the bill: "
					+ "NO_PRICE_IN_EFFECT (no price of the entitlement's offer, or of the SKU, in the account's "
					+ "currency is in force at the start of the usage's first hour, day or window), "
					+ "ENTITLEMENT_NOT_ACTIVE_AT_WINDOW (the entitlement was cancelled or transferred away "
					+ "before then), ACCOUNT_NOT_BILLABLE (billing knows no contract of the account). Usage that "
					+ "crosses into another tenant is refused as well: SUBJECT_NOT_OF_CUSTOMER (the subject is not "
					+ "under accounts/{accountId}/customers/{customerId}/), CUSTOMER_NOT_FOUND (the customer is "
					+ "another account's), ENTITLEMENT_NOT_FOUND (the entitlement is not one of the account and "
					+ "customer; one billing has not heard of yet is confirmed at entitlement-service). Each "
					+ "reason is a stable code, a colon and a sentence; a refused event was not recorded, so "
					+ "it can be sent again once the cause is fixed.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
					mediaType = MediaType.APPLICATION_JSON_VALUE,
					array = @ArraySchema(minItems = 1, maxItems = MAX_BATCH,
							schema = @Schema(type = "object", description = "a CloudEvent 1.0 of type usage.recorded")),
					examples = @ExampleObject(name = "one hour of a server", value = EXAMPLE))))
	@ApiResponse(responseCode = "202", description = "The batch was processed.")
	@ApiResponse(responseCode = "503",
			description = "Kafka did not acknowledge the batch (USAGE_NOT_DURABLE), or entitlement-service could "
					+ "not confirm an entitlement billing has not heard of yet (SERVICE_UNAVAILABLE); nothing of "
					+ "the batch was accepted: retry it.",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(ref = "#/components/schemas/Problem")))
	@ApiResponse(responseCode = "413", description = "More than 1000 events or 1 MiB (BATCH_TOO_LARGE).",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(ref = "#/components/schemas/Problem")))
	ResponseEntity<BatchResponse> report(VerifiedToken token, jakarta.servlet.http.HttpServletRequest request) {
		Access.requireScope(token, VerifiedToken.USAGE_WRITE);
		List<UsageIngestion.Submitted> events = events(body(request));
		String allowedAccount = token.isOperator() ? null : token.accountId();
		if (allowedAccount == null && !token.isOperator()) {
			throw ApiProblem.forbidden("ACCOUNT_FORBIDDEN", "The token is not bound to a partner account.");
		}
		UsageIngestion.Outcome outcome = this.ingestion.ingest(events, allowedAccount,
				request.getHeader(HttpHeaders.AUTHORIZATION));
		return ResponseEntity.accepted()
			.body(new BatchResponse(outcome.accepted(), outcome.duplicates(), outcome.rejected()));
	}

	/**
	 * The body, read into an array of its declared length (Spring's converter for a
	 * {@code byte[]} read it in 16 KiB pieces and copied them into a third array, the
	 * largest allocation of the ingestion benchmark's requests); one of more than 1 MiB
	 * is refused before it is read, or once it passes 1 MiB when its length is not
	 * declared, so that no body larger than a batch is ever held.
	 */
	private static byte[] body(jakarta.servlet.http.HttpServletRequest request) {
		long declared = request.getContentLengthLong();
		if (declared > MAX_BYTES) {
			throw tooLarge();
		}
		try (InputStream in = request.getInputStream()) {
			if (declared >= 0) {
				byte[] body = new byte[(int) declared];
				int read = in.readNBytes(body, 0, body.length);
				// fewer bytes than declared: the parser finds the batch cut short
				return (read == body.length) ? body : Arrays.copyOf(body, read);
			}
			byte[] body = in.readNBytes((int) MAX_BYTES + 1);
			if (body.length > MAX_BYTES) {
				throw tooLarge();
			}
			return body;
		}
		catch (IOException ex) {
			throw ApiProblem.badRequest("MALFORMED_REQUEST", "The request body could not be read.");
		}
	}

	private static ApiProblem tooLarge() {
		return new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "BATCH_TOO_LARGE",
				"A batch holds at most 1 MiB; split it.");
	}

	/**
	 * Parses the batch once, keeping where each event's own bytes are: they are what goes
	 * to Kafka, so that no event is serialized again (the profile of the ingestion
	 * benchmark found that re-serialization at ~10% of the request's CPU), nor copied
	 * before its record is built; each event is read in one pass over its tokens into the
	 * members the contract reads ({@link EventFields}), not into a tree.
	 */
	private List<UsageIngestion.Submitted> events(byte[] body) {
		List<UsageIngestion.Submitted> events = new ArrayList<>();
		try (JsonParser parser = this.json.createParser(body)) {
			JsonToken first = parser.nextToken();
			if (first == null) {
				throw malformed();
			}
			if (first != JsonToken.START_ARRAY) {
				throw ApiProblem.badRequest("BATCH_NOT_AN_ARRAY", "The body must be a JSON array of CloudEvents.");
			}
			while (parser.nextToken() != JsonToken.END_ARRAY) {
				if (events.size() == MAX_BATCH) {
					throw new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "BATCH_TOO_LARGE",
							"A batch holds at most " + MAX_BATCH + " events; split it.");
				}
				int from = (int) parser.currentTokenLocation().getByteOffset();
				EventFields fields = EventFields.read(parser, true);
				int to = (int) parser.currentLocation().getByteOffset();
				if (!fields.isClean()) {
					// no event may carry text PostgreSQL cannot store into the ledger; a
					// tree is read only to name where
					String unclean = uncleanText(this.event.readValue(body, from, to - from),
							"[" + events.size() + "]");
					throw ApiProblem.invalidField((unclean != null) ? unclean : "[" + events.size() + "]",
							Text.MESSAGE);
				}
				events.add(new UsageIngestion.Submitted(fields, body, from, to - from));
			}
			if (parser.nextToken() != null) {
				throw malformed();
			}
		}
		catch (JacksonException ex) {
			throw malformed();
		}
		if (events.isEmpty()) {
			throw ApiProblem.badRequest("BATCH_EMPTY", "The batch must hold at least one event.");
		}
		return events;
	}

	/** The path of the first string or name with a NUL or an unpaired surrogate. */
	private static String uncleanText(JsonNode node, String path) {
		if (node.isString()) {
			return Text.isClean(node.asString()) ? null : path;
		}
		if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				String found = uncleanText(node.get(i), path + "[" + i + "]");
				if (found != null) {
					return found;
				}
			}
		}
		if (node.isObject()) {
			for (java.util.Map.Entry<String, JsonNode> property : node.properties()) {
				if (!Text.isClean(property.getKey())) {
					return path;
				}
				String found = uncleanText(property.getValue(), path + "." + property.getKey());
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	private static ApiProblem malformed() {
		return ApiProblem.badRequest("MALFORMED_REQUEST",
				"The request body is missing or is not valid JSON of the expected shape.");
	}

	/**
	 * What became of a batch.
	 *
	 * @param accepted events new to the platform
	 * @param duplicates events whose (source, id) was accepted before
	 * @param rejected invalid events and events that could not be charged, each with its
	 * reason
	 */
	record BatchResponse(int accepted, int duplicates, List<UsageIngestion.Rejected> rejected) {
	}

}
