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

	/**
	 * The series key of the last series a thread hashed is reused only for the very same
	 * series: runs of one series interleaved with series that differ in any one part.
	 */
	@Test
	void aSeriesKeyIsReusedOnlyForTheSameSeries() {
		String[][] parts = { { "a1", "파트너" }, { "servers/s1", "servers/s10", "servers/s1 " },
				{ "products/p/skus/s", "products/p/skus/t" }, { "vm-hours", "vm-hour" } };
		java.util.Random random = new java.util.Random(7);
		String[] series = { "a1", "servers/s1", "products/p/skus/s", "vm-hours" };
		for (int n = 0; n < 5_000; n++) {
			if (random.nextInt(3) == 0) {
				int part = random.nextInt(4);
				// a copy, so that equal parts are not the same strings
				series[part] = new String(parts[part][random.nextInt(parts[part].length)]);
			}
			StringBuilder text = new StringBuilder();
			for (String p : series) {
				text.append(p.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).append(':').append(p);
			}
			java.nio.ByteBuffer hash = java.nio.ByteBuffer.wrap(sha256(text.toString()));
			assertThat(UsageIdentities.seriesKey(series[0], series[1], series[2], series[3]))
				.as(String.join(" / ", series))
				.isEqualTo(new java.util.UUID(hash.getLong(), hash.getLong()));
		}
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
