package com.cloudpartner.partner.clients;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretHasherTests {

	@Test
	void matchesOnlyTheHashedSecretAndSaltsEachHash() {
		String secret = SecretHasher.newSecret();
		String hash = SecretHasher.hash(secret);
		assertThat(secret).hasSize(43);
		assertThat(hash).doesNotContain(secret);
		assertThat(SecretHasher.matches(secret, hash)).isTrue();
		assertThat(SecretHasher.matches(secret + "x", hash)).isFalse();
		assertThat(SecretHasher.matches(null, hash)).isFalse();
		assertThat(SecretHasher.hash(secret)).isNotEqualTo(hash);
		assertThat(SecretHasher.matches(secret, "garbage")).isFalse();
	}

}
