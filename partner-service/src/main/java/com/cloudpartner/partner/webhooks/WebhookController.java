package com.cloudpartner.partner.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.cloudpartner.partner.accounts.PartnerAccountManagement;
import com.cloudpartner.partner.paging.PageRequest;
import com.cloudpartner.support.problem.ApiProblem;
import com.cloudpartner.support.security.Access;
import com.cloudpartner.support.security.VerifiedToken;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v1/accounts/{accountId}")
@Tag(name = "Partners")
class WebhookController {

	private final WebhookSecrets secrets;

	private final WebhookDeliveries deliveries;

	private final PartnerAccountManagement accounts;

	WebhookController(WebhookSecrets secrets, WebhookDeliveries deliveries, PartnerAccountManagement accounts) {
		this.secrets = secrets;
		this.deliveries = deliveries;
		this.accounts = accounts;
	}

	@PostMapping("/webhook-secret")
	@Operation(summary = "Rotate the HMAC secret of callbacks",
			description = "The new secret is in this response only. The previous one keeps signing (as a second v1) for 24 hours.")
	ResponseEntity<SecretResponse> rotate(VerifiedToken token, @PathVariable String accountId) {
		Access.requireAccount(token, accountId);
		this.accounts.require(accountId);
		String secret = this.secrets.rotate(accountId);
		return ResponseEntity.status(HttpStatus.CREATED)
			.cacheControl(CacheControl.noStore())
			.body(new SecretResponse(secret, "t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + \".\" + body)>",
					Instant.now()));
	}

	@GetMapping("/webhook-deliveries")
	@Operation(summary = "The callback delivery log", description = "Oldest first; filter by state.")
	DeliveryList list(VerifiedToken token, @PathVariable String accountId, @RequestParam(required = false) String state,
			@RequestParam(required = false) Integer pageSize, @RequestParam(required = false) String pageToken) {
		Access.requireAccountRead(token, accountId);
		this.accounts.require(accountId);
		WebhookDelivery.State filter = null;
		if (state != null) {
			try {
				filter = WebhookDelivery.State.valueOf(state.toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw ApiProblem.invalidField("state", "must be PENDING, DELIVERED or FAILED");
			}
		}
		PageRequest page = PageRequest.of(pageSize, pageToken);
		PageRequest.Page<DeliveryResponse> result = page
			.page(this.deliveries.list(accountId, filter, page), WebhookDelivery::createTime, (d) -> d.id().toString())
			.map(DeliveryResponse::of);
		return new DeliveryList(result.items(), result.nextPageToken());
	}

	record SecretResponse(String secret, String signatureFormat, Instant createTime) {

		@Override
		public String toString() {
			return "SecretResponse[]";
		}

	}

	record DeliveryResponse(String id, String eventId, String eventSource, String eventType, int attempts,
			Integer lastStatus, String lastError, Instant lastAttemptTime, Instant nextAttemptTime, String state,
			Instant createTime, Instant deliveredTime) {

		static DeliveryResponse of(WebhookDelivery d) {
			return new DeliveryResponse(d.id().toString(), d.eventId(), d.eventSource(), d.eventType(), d.attempts(),
					d.lastStatus(), d.lastError(), d.lastAttemptTime(), d.nextAttemptTime(), d.state().name(),
					d.createTime(), d.deliveredTime());
		}

	}

	record DeliveryList(List<DeliveryResponse> deliveries, String nextPageToken) {
	}

}
