package com.cloudpartner.partner.keys;

import java.security.PrivateKey;

/**
 * The key that signs new tokens.
 *
 * @param kid its key id, to put in the token header
 * @param privateKey the RSA private key
 */
public record ActiveKey(String kid, PrivateKey privateKey) {

	@Override
	public String toString() {
		return "ActiveKey[kid=" + this.kid + "]";
	}

}
