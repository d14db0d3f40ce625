package com.cloudpartner.partner.oauth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The client's id and secret as presented: by HTTP Basic (RFC 6749 section 2.3.1, each
 * part form-urlencoded) or by the {@code client_id}/{@code client_secret} form fields,
 * never both.
 */
record ClientCredentials(String clientId, String secret, boolean basic) {

	static ClientCredentials from(String authorization, Map<String, List<String>> form) {
		String formId = TokenRequest.single(form, "client_id");
		String formSecret = TokenRequest.single(form, "client_secret");
		if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			if (formSecret != null) {
				throw OAuthError.invalidRequest("Use either HTTP Basic or client_secret, not both.");
			}
			ClientCredentials basic = parseBasic(authorization.substring(6).trim());
			if (formId != null && !formId.equals(basic.clientId())) {
				throw OAuthError.invalidRequest("client_id differs from the HTTP Basic user.");
			}
			return basic;
		}
		if (formId == null || formId.isBlank() || formSecret == null || formSecret.isEmpty()) {
			throw OAuthError.invalidClient(
					"Authenticate the client with HTTP Basic or the client_id and client_secret fields.", false);
		}
		return new ClientCredentials(formId, formSecret, false);
	}

	private static ClientCredentials parseBasic(String encoded) {
		try {
			String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			if (colon <= 0) {
				throw OAuthError.invalidClient("The HTTP Basic credentials are malformed.", true);
			}
			return new ClientCredentials(URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
					URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8), true);
		}
		catch (IllegalArgumentException ex) {
			throw OAuthError.invalidClient("The HTTP Basic credentials are malformed.", true);
		}
	}

	@Override
	public String toString() {
		return "ClientCredentials[clientId=" + this.clientId + ", basic=" + this.basic + "]";
	}

}
