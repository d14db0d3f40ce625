package com.cloudpartner.partner.keys;

import com.cloudpartner.partner.config.RequiredSetting;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param encryptionSecret the secret from which the keys that encrypt private signing
 * keys and webhook secrets are derived (env {@code PLATFORM_KEYS_ENCRYPTION_SECRET})
 */
@ConfigurationProperties("platform.keys")
public record KeysProperties(String encryptionSecret) {

	/** The encryption secret; a start without it fails and says how to set it. */
	public String requiredEncryptionSecret() {
		return RequiredSetting.require(this.encryptionSecret, "platform.keys.encryption-secret",
				"PLATFORM_KEYS_ENCRYPTION_SECRET");
	}

	@Override
	public String toString() {
		return "KeysProperties[encryptionSecret=***]";
	}

}
