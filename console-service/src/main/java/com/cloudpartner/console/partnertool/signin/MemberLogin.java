package com.cloudpartner.console.partnertool.signin;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cloudpartner.console.partnertool.api.ApiRefusal;
import com.cloudpartner.console.partnertool.api.PartnerApi;
import com.cloudpartner.console.partnertool.session.PartnerSession.SignIn;
import com.cloudpartner.console.upstream.UpstreamUnavailableException;
import com.cloudpartner.support.security.InvalidTokenException;
import com.cloudpartner.support.security.JwksKeySource;
import com.cloudpartner.support.security.SecurityProperties;
import com.cloudpartner.support.security.TokenVerifier;
import com.cloudpartner.support.security.VerifiedToken;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Signs a partner member in through partner-service's member login. The token that comes
 * back is verified like any other (signature, issuer, audience {@code partner-api},
 * expiry) and must carry the {@code partner} scope and an {@code acct}: a member of a
 * company that is not an approved partner, or of a suspended one, gets none.
 */
@Component
class MemberLogin {

	private static final Logger log = LoggerFactory.getLogger(MemberLogin.class);

	private static final String PARTNER_API = "partner-api";

	private final PartnerApi api;

	private final TokenVerifier verifier;

	MemberLogin(PartnerApi api, SecurityProperties security, Clock clock) {
		this.api = api;
		// The console's own verifier accepts console tokens only; member tokens are for
		// the partner API.
		this.verifier = new TokenVerifier(
				new JwksKeySource(security.jwksUri(), security.jwksMinRefreshInterval(), Duration.ofMinutes(10), clock),
				security.issuer(), List.of(PARTNER_API), security.clockSkew(), clock);
	}

	Outcome login(String loginId, String password) {
		TokenResponse response;
		try {
			response = this.api.postAnonymously("/v1/members/login", new LoginRequest(loginId, password),
					TokenResponse.class);
		}
		catch (ApiRefusal ex) {
			return switch (ex.status()) {
				case 423 -> new Refused("locked", HttpStatus.LOCKED);
				case 403 -> new Refused("unverified", HttpStatus.FORBIDDEN);
				default -> new Refused("failed", HttpStatus.UNAUTHORIZED);
			};
		}
		catch (UpstreamUnavailableException ex) {
			log.warn("Partner tool sign-in: {}", ex.getMessage());
			return new Refused("unavailable", HttpStatus.SERVICE_UNAVAILABLE);
		}
		VerifiedToken token;
		try {
			token = this.verifier.verify(response.accessToken());
		}
		catch (InvalidTokenException ex) {
			log.warn("Partner tool sign-in: partner-service's token does not verify: {}", ex.getMessage());
			return new Refused("unavailable", HttpStatus.SERVICE_UNAVAILABLE);
		}
		if (!token.hasScope(VerifiedToken.PARTNER) || token.accountId() == null || token.accountId().isBlank()) {
			return notAPartner(response.accessToken());
		}
		String name = accountName(response.accessToken(), token.accountId());
		return new SignedIn(new SignIn(token.accountId(), token.subject(), loginId, response.accessToken(),
				token.expiresAt(), name));
	}

	/**
	 * A member token without a partner: its company was never approved, or is suspended.
	 */
	private Refused notAPartner(String token) {
		try {
			MemberResponse me = this.api.get(token, MemberResponse.class, "/v1/members/me");
			if (me.accountId() != null && !me.accountId().isBlank()) {
				return new Refused("suspended", HttpStatus.FORBIDDEN);
			}
		}
		catch (RuntimeException ex) {
			log.info("Partner tool sign-in: member details unavailable: {}", ex.toString());
		}
		return new Refused("not-partner", HttpStatus.FORBIDDEN);
	}

	private String accountName(String token, String accountId) {
		try {
			AccountName account = this.api.get(token, AccountName.class, "/v1/accounts/{accountId}", accountId);
			return account.name();
		}
		catch (RuntimeException ex) {
			log.info("Partner tool sign-in: name of account {} unavailable: {}", accountId, ex.toString());
			return accountId;
		}
	}

	sealed interface Outcome permits SignedIn, Refused {

	}

	record SignedIn(SignIn signIn) implements Outcome {

	}

	/** Why there is no session: a {@code pt.sign-in.<reason>} message. */
	record Refused(String reason, HttpStatus status) implements Outcome {

	}

	record LoginRequest(String loginId, String password) {

		@Override
		public String toString() {
			return "LoginRequest[loginId=" + this.loginId + "]";
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record TokenResponse(@JsonProperty("access_token") String accessToken, @JsonProperty("expires_in") Long expiresIn,
			String scope) {

		@Override
		public String toString() {
			return "TokenResponse[scope=" + this.scope + "]";
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record MemberResponse(String id, String accountId) {

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record AccountName(String id, String displayName, Branding branding) {

		/**
		 * The company's name (the tool is for its staff), else its brand, else the id.
		 */
		String name() {
			if (this.displayName != null && !this.displayName.isBlank()) {
				return this.displayName;
			}
			if (this.branding != null && this.branding.displayName() != null
					&& !this.branding.displayName().isBlank()) {
				return this.branding.displayName();
			}
			return this.id;
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Branding(String displayName) {

	}

}
