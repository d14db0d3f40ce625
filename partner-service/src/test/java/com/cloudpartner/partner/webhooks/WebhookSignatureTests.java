package com.cloudpartner.partner.webhooks;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTests {

	@Test
	void signsTimestampDotBodyWithHmacSha256InHex() {
		// echo -n '1700000000.{"a":1}' | openssl dgst -sha256 -hmac 'whsec_test'
		assertThat(WebhookSignature.sign("whsec_test", 1700000000L, "{\"a\":1}"))
			.isEqualTo("38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789");
	}

	@Test
	void carriesOneV1PerSigningSecret() {
		String header = WebhookSignature.header(1700000000L, "{}", List.of("new", "old"));
		assertThat(header).startsWith("t=1700000000,v1=").contains(",v1=");
		assertThat(header.split(",")).hasSize(3);
		assertThat(header).contains(WebhookSignature.sign("new", 1700000000L, "{}"))
			.contains(WebhookSignature.sign("old", 1700000000L, "{}"));
	}

}
