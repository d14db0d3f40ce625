package com.cloudpartner.partner.keys;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyEncryptionTests {

	private final KeyEncryption encryption = new KeyEncryption("a-secret-of-some-length");

	@Test
	void decryptsWhatItEncryptedUnderTheSameKeyId() {
		byte[] plain = "private key bytes".getBytes(StandardCharsets.UTF_8);
		String stored = this.encryption.encrypt(plain, "kid-1");
		assertThat(stored).startsWith("v1.").doesNotContain("private");
		assertThat(this.encryption.decrypt(stored, "kid-1")).isEqualTo(plain);
		assertThat(this.encryption.encrypt(plain, "kid-1")).isNotEqualTo(stored);
	}

	@Test
	void refusesAnotherKeyIdOrAnotherSecret() {
		String stored = this.encryption.encrypt(new byte[] { 1, 2, 3 }, "kid-1");
		assertThatThrownBy(() -> this.encryption.decrypt(stored, "kid-2")).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> new KeyEncryption("another-secret-of-length").decrypt(stored, "kid-1"))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("platform.keys.encryption-secret");
	}

	@Test
	void refusesAShortSecret() {
		assertThatThrownBy(() -> new KeyEncryption("short")).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("PLATFORM_KEYS_ENCRYPTION_SECRET");
	}

}
