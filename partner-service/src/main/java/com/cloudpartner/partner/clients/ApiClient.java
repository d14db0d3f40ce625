package com.cloudpartner.partner.clients;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * An OAuth2 client of the platform (client credentials).
 *
 * @param clientId its id
 * @param accountId the partner account it acts for, {@code null} for platform clients
 * (operator, console service)
 * @param allowedScopes the scopes it may ask for
 * @param defaultScopes the scopes it gets when it asks for none
 * @param description what it is for
 * @param state ACTIVE or REVOKED
 * @param createTime when it was made
 * @param revokeTime when it was revoked
 */
public record ApiClient(String clientId, String accountId, Set<String> allowedScopes, List<String> defaultScopes,
		String description, State state, Instant createTime, Instant revokeTime) {

	/** Whether the client may still get tokens. */
	public enum State {

		ACTIVE, REVOKED

	}

	public boolean active() {
		return this.state == State.ACTIVE;
	}

}
