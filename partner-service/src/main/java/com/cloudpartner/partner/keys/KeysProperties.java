package com.cloudpartner.partner.keys;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param encryptionSecret the secret from which the key that encrypts private signing
 * keys is derived (env {@code PLATFORM_KEYS_ENCRYPTION_SECRET})
 */
@ConfigurationProperties("platform.keys")
record KeysProperties(String encryptionSecret) {

	@Override
	public String toString() {
		return "KeysProperties[encryptionSecret=***]";
	}

}
