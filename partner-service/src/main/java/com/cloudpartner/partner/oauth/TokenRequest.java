package com.cloudpartner.partner.oauth;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The form of a token request (documentation and field access).
 */
@Schema(name = "OAuthTokenRequest",
		description = "application/x-www-form-urlencoded: grant_type=client_credentials&scope=partner")
record TokenRequest(
		@Schema(example = "client_credentials", requiredMode = Schema.RequiredMode.REQUIRED) String grant_type,
		@Schema(example = "partner",
				description = "space separated; the client's default scope when absent") String scope,
		@Schema(description = "when not using HTTP Basic") String client_id,
		@Schema(description = "when not using HTTP Basic") String client_secret) {

	/** A parameter that may appear at most once (RFC 6749 section 3.1). */
	static String single(Map<String, List<String>> form, String name) {
		List<String> values = form.get(name);
		if (values == null || values.isEmpty()) {
			return null;
		}
		if (values.size() > 1) {
			throw OAuthError.invalidRequest("The parameter " + name + " is repeated.");
		}
		return values.get(0);
	}

}
