package com.cloudpartner.partner.webhooks;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CallbackAddressPolicyTests {

	private final CallbackAddressPolicy strict = new CallbackAddressPolicy(
			new WebhookProperties(List.of(), null, null, null, null, null, null, null));

	private final CallbackAddressPolicy loopbackAllowed = new CallbackAddressPolicy(
			new WebhookProperties(List.of("127.0.0.0/8", "::1/128"), null, null, null, null, null, null, null));

	@Test
	void refusesInternalAddressesNamingTheKind() {
		assertThat(this.strict.refusal("http://127.0.0.1:8080/cb")).hasValueSatisfying((r) -> r.contains("loopback"));
		assertThat(this.strict.refusal("http://[::1]/cb")).hasValueSatisfying((r) -> r.contains("loopback"));
		assertThat(this.strict.refusal("http://10.0.0.1/cb")).hasValueSatisfying((r) -> r.contains("private"));
		assertThat(this.strict.refusal("http://172.20.1.1/cb")).hasValueSatisfying((r) -> r.contains("private"));
		assertThat(this.strict.refusal("http://192.168.0.1/cb")).hasValueSatisfying((r) -> r.contains("private"));
		assertThat(this.strict.refusal("http://100.64.0.1/cb")).hasValueSatisfying((r) -> r.contains("private"));
		assertThat(this.strict.refusal("http://[fd00::1]/cb")).hasValueSatisfying((r) -> r.contains("private"));
		assertThat(this.strict.refusal("http://169.254.169.254/latest"))
			.hasValueSatisfying((r) -> r.contains("link-local"));
		assertThat(this.strict.refusal("http://224.0.0.1/cb")).hasValueSatisfying((r) -> r.contains("multicast"));
		assertThat(this.strict.refusal("http://0.0.0.0/cb")).hasValueSatisfying((r) -> r.contains("unspecified"));
	}

	@Test
	void allowsPublicAddressesAndTheConfiguredNetworks() {
		assertThat(this.strict.refusal("https://8.8.8.8/cb")).isEmpty();
		assertThat(this.strict.refusal("https://172.32.0.1/cb")).isEmpty();
		assertThat(this.loopbackAllowed.refusal("http://127.0.0.1:9000/cb")).isEmpty();
		assertThat(this.loopbackAllowed.refusal("http://[::1]:9000/cb")).isEmpty();
		assertThat(this.loopbackAllowed.refusal("http://10.0.0.1/cb")).isPresent();
	}

	@Test
	void refusesOtherSchemesAndUserInfo() {
		assertThat(this.strict.refusal("ftp://8.8.8.8/cb")).hasValue("must be an http or https URL");
		assertThat(this.strict.refusal("file:///etc/passwd")).isPresent();
		assertThat(this.strict.refusal("http://user:pw@8.8.8.8/cb")).isPresent();
	}

	@Test
	void cidrsMatchByPrefix() {
		CallbackAddressPolicy.Cidr cidr = CallbackAddressPolicy.Cidr.parse("192.168.4.0/22");
		assertThat(cidr.contains(address("192.168.7.255"))).isTrue();
		assertThat(cidr.contains(address("192.168.8.0"))).isFalse();
		assertThat(cidr.contains(address("::1"))).isFalse();
	}

	private static java.net.InetAddress address(String literal) {
		try {
			return java.net.InetAddress.getByName(literal);
		}
		catch (java.net.UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
