package com.cloudpartner.partner.keys;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param encryptionSecret the secret from which the keys that encrypt private signing
 * keys and webhook secrets are derived (env {@code PLATFORM_KEYS_ENCRYPTION_SECRET})
 */
@ConfigurationProperties("platform.keys")
public record KeysProperties(String encryptionSecret) {

	@Override
	public String toString() {
		return "KeysProperties[encryptionSecret=***]";
	}

}
