package com.cloudpartner.console.partnertool.api;

import java.net.URI;
import java.util.Map;

import com.cloudpartner.console.upstream.ServiceEndpoints;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PartnerApiTests {

	private final PartnerApi api = new PartnerApi(RestClient.create(),
			new ServiceEndpoints(URI.create("http://partner.test:8081"), URI.create("http://e"),
					URI.create("http://b")),
			JsonMapper.builder().build());

	@Test
	void expandsIdsIntoTheirOwnPathSegment() {
		URI uri = this.api.uri("/v1/accounts/{a}/customers/{c}", Map.of(), "acct-1", "c-1");

		assertThat(uri).hasToString("http://partner.test:8081/v1/accounts/acct-1/customers/c-1");
	}

	@Test
	void refusesIdsThatCouldWalkToAnotherPath() {
		for (String id : new String[] { "..", ".", "a/b", "c-1?x=1", "c 1", "%2e%2e", "" }) {
			assertThatThrownBy(() -> this.api.uri("/v1/accounts/{a}/customers/{c}", Map.of(), "acct-1", id)).as(id)
				.isInstanceOfSatisfying(ApiRefusal.class, (refusal) -> assertThat(refusal.status()).isEqualTo(404));
		}
	}

	@Test
	void encodesQueryValuesStrictly() {
		URI uri = this.api.uri("/v1/accounts/{a}/customers", Map.of("pageToken", "{x}&y=1 +"), "acct-1");

		assertThat(uri.getRawQuery()).isEqualTo("pageToken=%7Bx%7D%26y%3D1%20%2B");
	}

	@Test
	void leavesOutEmptyQueryValues() {
		URI uri = this.api.uri("/v1/accounts/{a}/customers", Map.of("pageToken", ""), "acct-1");

		assertThat(uri.getRawQuery()).isNull();
	}

}
