package com.cloudpartner.partner.clients;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import com.cloudpartner.partner.paging.PageRequest;
import com.cloudpartner.support.security.Access;
import com.cloudpartner.support.security.VerifiedToken;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v1/accounts/{accountId}/credentials")
@Tag(name = "Partners")
class CredentialsController {

	private final ApiClientManagement clients;

	CredentialsController(ApiClientManagement clients) {
		this.clients = clients;
	}

	@PostMapping
	@Operation(summary = "Create an API credential",
			description = "The secret is in this response only; it is stored hashed. A signed-in member of the "
					+ "partner (member login token) or an operator; an API client's token gets 403 "
					+ "PARTNER_MEMBER_REQUIRED.")
	ResponseEntity<CreatedResponse> create(VerifiedToken token, @PathVariable String accountId,
			@Valid @RequestBody(required = false) CreateRequest request) {
		Access.requirePartnerMember(token, accountId);
		CreateRequest body = (request != null) ? request : new CreateRequest(null, null);
		ApiClientManagement.CreatedClient created = this.clients.create(accountId, body.scopes(), body.description());
		ApiClient client = created.client();
		return ResponseEntity.status(HttpStatus.CREATED)
			.cacheControl(CacheControl.noStore())
			.body(new CreatedResponse(client.clientId(), created.secret(), List.copyOf(client.allowedScopes()),
					String.join(" ", client.defaultScopes()), client.description(), client.createTime()));
	}

	@GetMapping
	@Operation(summary = "List the account's API credentials (without secrets)",
			description = "A signed-in member of the partner or an operator.")
	CredentialList list(VerifiedToken token, @PathVariable String accountId,
			@RequestParam(required = false) Integer pageSize, @RequestParam(required = false) String pageToken) {
		Access.requirePartnerMember(token, accountId);
		PageRequest.Page<CredentialResponse> page = this.clients.list(accountId, PageRequest.of(pageSize, pageToken))
			.map(CredentialResponse::of);
		return new CredentialList(page.items(), page.nextPageToken());
	}

	@DeleteMapping("/{clientId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Revoke an API credential",
			description = "It gets no new tokens from now on. A signed-in member of the partner or an operator.")
	void revoke(VerifiedToken token, @PathVariable String accountId, @PathVariable String clientId) {
		Access.requirePartnerMember(token, accountId);
		this.clients.revoke(accountId, clientId);
	}

	@Schema(name = "CreateCredentialRequest", example = """
			{"description": "billing system", "scopes": ["partner", "usage.write"]}
			""")
	record CreateRequest(@Size(max = 200) String description,
			@Schema(description = "partner, partner.read, usage.write; all three when absent") Set<String> scopes) {
	}

	record CreatedResponse(String clientId, String clientSecret, List<String> scopes, String defaultScope,
			String description, Instant createTime) {

		@Override
		public String toString() {
			return "CreatedResponse[clientId=" + this.clientId + "]";
		}

	}

	record CredentialResponse(String clientId, List<String> scopes, String defaultScope, String description,
			String state, Instant createTime, Instant revokeTime) {

		static CredentialResponse of(ApiClient client) {
			return new CredentialResponse(client.clientId(), List.copyOf(client.allowedScopes()),
					String.join(" ", client.defaultScopes()), client.description(), client.state().name(),
					client.createTime(), client.revokeTime());
		}

	}

	record CredentialList(List<CredentialResponse> credentials, String nextPageToken) {
	}

}
