package com.cloudpartner.partner.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code Webhook-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>},
 * one {@code v1} per valid secret (two for a day after a rotation).
 */
final class WebhookSignature {

	static final String HEADER = "Webhook-Signature";

	private WebhookSignature() {
	}

	static String header(long timestamp, String body, List<String> secrets) {
		return "t=" + timestamp
				+ secrets.stream()
					.map((secret) -> ",v1=" + sign(secret, timestamp, body))
					.collect(Collectors.joining());
	}

	static String sign(String secret, long timestamp, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
