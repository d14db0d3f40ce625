package com.cloudpartner.console.partnertool.credentials;

import java.util.List;
import java.util.Map;

import com.cloudpartner.console.partnertool.api.PartnerApi;
import com.cloudpartner.console.partnertool.session.PartnerSession;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.springframework.stereotype.Component;

/**
 * The account's API credentials at partner-service. Managing them takes a signed-in
 * member's token, which is what a partner tool session holds.
 */
@Component
class Credentials {

	private final PartnerApi api;

	Credentials(PartnerApi api) {
		this.api = api;
	}

	Page list(PartnerSession session, int pageSize, String pageToken) {
		return this.api.forSession(session)
			.get(Page.class, Map.of("pageSize", pageSize, "pageToken", (pageToken != null) ? pageToken : ""),
					"/credentials");
	}

	Created create(PartnerSession session, String idempotencyKey, String description, List<String> scopes) {
		return this.api.forSession(session)
			.create(Created.class, idempotencyKey, "/credentials",
					new NewCredential(description, scopes.isEmpty() ? null : scopes));
	}

	void revoke(PartnerSession session, String clientId) {
		this.api.forSession(session).delete("/credentials/{clientId}", clientId);
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Page(List<Credential> credentials, String nextPageToken) {

		Page {
			credentials = (credentials != null) ? credentials : List.of();
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Credential(String clientId, List<String> scopes, String defaultScope, String description, String state,
			String createTime, String revokeTime) {

		public boolean active() {
			return !"REVOKED".equals(this.state);
		}

	}

	record NewCredential(String description, List<String> scopes) {

	}

	/** The one answer that holds the client secret; it is shown once and not kept. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Created(String clientId, String clientSecret, List<String> scopes, String description) {

		@Override
		public String toString() {
			return "Created[clientId=" + this.clientId + "]";
		}

	}

}
