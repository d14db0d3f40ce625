package com.cloudpartner.partner.tokens;

import java.time.Duration;

/**
 * A signed token as handed out.
 *
 * @param token the compact JWS
 * @param lifetime how long it is valid
 * @param scope the granted scopes, space separated
 */
public record IssuedToken(String token, Duration lifetime, String scope) {

	@Override
	public String toString() {
		return "IssuedToken[scope=" + this.scope + ", lifetime=" + this.lifetime + "]";
	}

}
