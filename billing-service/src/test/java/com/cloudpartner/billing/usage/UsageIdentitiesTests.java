package com.cloudpartner.billing.usage;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.cloudpartner.billing.rating.MeterUnit;

import static org.assertj.core.api.Assertions.assertThat;

class UsageIdentitiesTests {

	/**
	 * The canonical payload is what the stored payload digests cover: its text may not
	 * change, or every event recorded before would read as a conflict when resent.
	 */
	@Test
	void canonicalPayloadKeepsItsText() {
		UsageEvent event = new UsageEvent("e1", "//meter", "accounts/a1/customers/c1/servers/s1", null, "a1", "c1",
				"e9", "products/p/skus/s", "vm-hours", MeterUnit.HOUR, new BigDecimal("1.500"),
				Instant.parse("2026-11-23T05:00:00.120Z"), Instant.parse("2026-11-23T06:00:00Z"));
		assertThat(UsageIdentities.canonical(event))
			.isEqualTo("accounts/a1/customers/c1/servers/s1|a1|c1|e9|products/p/skus/s|vm-hours|HOUR|1.5"
					+ "|2026-11-23T05:00:00.120Z|2026-11-23T06:00:00Z");
		assertThat(UsageIdentities.hex(UsageIdentities.payloadDigest(event)))
			.isEqualTo(java.util.HexFormat.of().formatHex(sha256(UsageIdentities.canonical(event))));
	}

	private static byte[] sha256(String text) {
		try {
			return java.security.MessageDigest.getInstance("SHA-256")
				.digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
