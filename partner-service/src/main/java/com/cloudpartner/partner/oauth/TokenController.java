package com.cloudpartner.partner.oauth;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import com.cloudpartner.partner.accounts.PartnerAccountManagement;
import com.cloudpartner.partner.clients.ApiClient;
import com.cloudpartner.partner.clients.ApiClientManagement;
import com.cloudpartner.partner.tokens.IssuedToken;
import com.cloudpartner.partner.tokens.TokenIssuer;
import com.cloudpartner.support.problem.Problems;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OAuth2 token endpoint (RFC 6749, client credentials grant). Errors follow section
 * 5.2 and carry the platform's problem fields as well, so that they look like every other
 * 4xx of the API.
 */
@RestController
@Tag(name = "Tokens")
class TokenController {

	private static final String CLIENT_CREDENTIALS = "client_credentials";

	private final ApiClientManagement clients;

	private final PartnerAccountManagement accounts;

	private final TokenIssuer issuer;

	private final TokenRateLimiter limiter;

	TokenController(ApiClientManagement clients, PartnerAccountManagement accounts, TokenIssuer issuer,
			TokenRateLimiter limiter) {
		this.clients = clients;
		this.accounts = accounts;
		this.issuer = issuer;
		this.limiter = limiter;
	}

	@PostMapping("/v1/oauth/token")
	@SecurityRequirements
	@Operation(summary = "Get an access token (client credentials)",
			description = "Client authentication by HTTP Basic or the client_id and client_secret form fields.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
					schema = @Schema(implementation = TokenRequest.class)))
	ResponseEntity<TokenResponse> token(HttpServletRequest request) {
		String contentType = request.getContentType();
		if (contentType == null
				|| !contentType.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
			throw OAuthError.invalidRequest("The body must be application/x-www-form-urlencoded.");
		}
		Map<String, List<String>> form = new LinkedHashMap<>();
		request.getParameterMap().forEach((name, values) -> form.put(name, Arrays.asList(values)));
		String grantType = TokenRequest.single(form, "grant_type");
		if (grantType == null || grantType.isBlank()) {
			throw OAuthError.invalidRequest("grant_type is missing.");
		}
		if (!CLIENT_CREDENTIALS.equals(grantType)) {
			throw OAuthError.unsupportedGrantType("Only the client_credentials grant is supported.");
		}
		ClientCredentials credentials = ClientCredentials.from(request.getHeader(HttpHeaders.AUTHORIZATION), form);
		// before the secret is checked, so that guessing a client's secret is braked too
		java.time.Duration wait = this.limiter.acquire(credentials.clientId());
		if (!wait.isZero()) {
			long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
			throw OAuthError.slowDown("Too many token requests for this client; retry after " + seconds + " s.",
					seconds);
		}
		ApiClient client = this.clients.authenticate(credentials.clientId(), credentials.secret())
			.orElseThrow(() -> OAuthError.invalidClient("The client is unknown, revoked, or the secret is wrong.",
					credentials.basic()));
		if (client.accountId() != null && !this.accounts.isActive(client.accountId())) {
			throw OAuthError.invalidClient("The client's partner account is suspended.", credentials.basic());
		}
		IssuedToken token = this.issuer.accessToken(client.clientId(), client.accountId(),
				grantedScopes(client, TokenRequest.single(form, "scope")));
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.PRAGMA, "no-cache")
			.body(new TokenResponse(token.token(), "Bearer", token.lifetime().toSeconds(), token.scope()));
	}

	private static Set<String> grantedScopes(ApiClient client, String requested) {
		if (requested == null || requested.isBlank()) {
			return new LinkedHashSet<>(client.defaultScopes());
		}
		Set<String> scopes = new LinkedHashSet<>(Arrays.asList(requested.trim().split("\\s+")));
		for (String scope : scopes) {
			if (!client.allowedScopes().contains(scope)) {
				throw OAuthError.invalidScope("The client may not ask for the scope '" + scope + "'.");
			}
		}
		return scopes;
	}

	@ExceptionHandler(OAuthError.class)
	ResponseEntity<Map<String, Object>> oauthError(OAuthError failure) {
		String code = failure.error().toUpperCase(Locale.ROOT);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", failure.error());
		body.put("error_description", failure.getMessage());
		body.put("type", Problems.typeOf(code).toString());
		body.put("title", failure.status().getReasonPhrase());
		body.put("status", failure.status().value());
		body.put("detail", failure.getMessage());
		body.put("code", code);
		ResponseEntity.BodyBuilder response = ResponseEntity.status(failure.status())
			.contentType(MediaType.APPLICATION_JSON)
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.PRAGMA, "no-cache");
		if (failure.retryAfterSeconds() > 0) {
			response.header(HttpHeaders.RETRY_AFTER, String.valueOf(failure.retryAfterSeconds()));
		}
		if (failure.basicChallenge()) {
			response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"cloud-partner-platform\"");
		}
		return response.body(body);
	}

	@Schema(name = "TokenResponse", example = """
			{"access_token": "eyJraWQiOi...", "token_type": "Bearer", "expires_in": 900, "scope": "partner"}
			""")
	record TokenResponse(@JsonProperty("access_token") String accessToken, @JsonProperty("token_type") String tokenType,
			@JsonProperty("expires_in") long expiresIn, String scope) {

		@Override
		public String toString() {
			return "TokenResponse[scope=" + this.scope + "]";
		}

	}

}
