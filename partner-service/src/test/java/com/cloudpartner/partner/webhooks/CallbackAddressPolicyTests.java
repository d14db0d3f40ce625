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
		assertThat(this.strict.refusal("http://127.0.0.1:8080/cb"))
			.hasValueSatisfying((r) -> assertThat(r).contains("loopback"));
		assertThat(this.strict.refusal("http://[::1]/cb"))
			.hasValueSatisfying((r) -> assertThat(r).contains("loopback"));
		assertThat(this.strict.refusal("http://10.0.0.1/cb"))
			.hasValueSatisfying((r) -> assertThat(r).contains("private"));
		assertThat(this.strict.refusal("http://172.20.1.1/cb"))
			.hasValueSatisfying((r) -> assertThat(r).contains("private"));
		assertThat(this.strict.refusal("http://192.168.0.1/cb"))
			.hasValueSatisfying((r) -> assertThat(r).contains("private"));
		assertThat(this.strict.refusal("http://100.64.0.1/cb"))
			.hasValueSatisfying((r) -> assertThat(r).contains("private"));
		assertThat(this.strict.refusal("http://[fd00::1]/cb"))
			.hasValueSatisfying((r) -> assertThat(r).contains("private"));
		assertThat(this.strict.refusal("http://169.254.169.254/latest"))
			.hasValueSatisfying((r) -> assertThat(r).contains("link-local"));
		assertThat(this.strict.refusal("http://224.0.0.1/cb"))
			.hasValueSatisfying((r) -> assertThat(r).contains("multicast"));
		assertThat(this.strict.refusal("http://0.0.0.0/cb"))
			.hasValueSatisfying((r) -> assertThat(r).contains("unspecified"));
	}

	@Test
	void refusesLoopbackWrittenInEveryOtherForm() {
		for (String url : List.of("http://LOCALHOST/cb", "http://localhost:8080/cb", "http://[::1]:8080/cb",
				"http://[0:0:0:0:0:0:0:1]/cb", "http://[::ffff:127.0.0.1]/cb", "http://[::ffff:7f00:1]/cb",
				"http://127.0.0.2/cb")) {
			assertThat(this.strict.refusal(url)).as(url).hasValueSatisfying((r) -> assertThat(r).contains("loopback"));
		}
	}

	@Test
	void refusesIpv4AddressesWrittenAsOneNumberOctalHexOrWithLeadingZeros() {
		for (String url : List.of("http://2130706433/cb", "http://127.000.000.001/cb", "http://0x7f000001/cb",
				"http://0177.0.0.1/cb", "http://017700000001/cb", "http://0/cb", "http://3232235521/cb",
				"http://0xa9fea9fe/latest", "http://08.8.8.8/cb")) {
			assertThat(this.strict.refusal(url)).as(url)
				.hasValueSatisfying((r) -> assertThat(r).contains("four decimal numbers"));
		}
		// the same with a trailing dot or in ways java.net.URI finds no host in at all
		for (String url : List.of("http://127.0.0.1./cb", "http://127.1/cb", "http://127.0.1/cb",
				"http://0X7F.0.0.1/cb", "http://%31%32%37.0.0.1/cb")) {
			assertThat(this.strict.refusal(url)).as(url).isPresent();
		}
	}

	@Test
	void refusesAddressesHiddenBehindUserInfoOrAFragment() {
		for (String url : List.of("http://example.com#@127.0.0.1/", "http://127.0.0.1#@example.com",
				"http://8.8.8.8/cb#@127.0.0.1", "http://example.com@127.0.0.1/", "http://127.0.0.1@example.com/",
				"http://user:pw@example.com/cb", "http://@127.0.0.1/cb", "http://8.8.8.8:80@127.0.0.1/cb",
				"http://example.com%40127.0.0.1/cb", "http://example.com\\@127.0.0.1/cb",
				"http://127.0.0.1%2523@example.com/cb", "http://[::1]@example.com/cb")) {
			assertThat(this.strict.refusal(url)).as(url).isPresent();
		}
	}

	@Test
	void refusesInternalIpv4AddressesCarriedInIpv6() {
		assertThat(this.strict.refusal("http://[::ffff:10.0.0.1]/cb"))
			.hasValueSatisfying((r) -> assertThat(r).contains("private"));
		assertThat(this.strict.refusal("http://[::ffff:169.254.169.254]/latest"))
			.hasValueSatisfying((r) -> assertThat(r).contains("link-local"));
		assertThat(this.strict.refusal("http://[::127.0.0.1]/cb"))
			.hasValueSatisfying((r) -> assertThat(r).contains("loopback"));
		assertThat(this.strict.refusal("http://[::8.8.8.8]/cb"))
			.hasValueSatisfying((r) -> assertThat(r).contains("IPv4-compatible"));
		assertThat(this.strict.refusal("http://[64:ff9b::7f00:1]/cb"))
			.hasValueSatisfying((r) -> assertThat(r).contains("loopback"));
		assertThat(this.strict.refusal("http://[64:ff9b::a9fe:a9fe]/latest"))
			.hasValueSatisfying((r) -> assertThat(r).contains("link-local"));
		assertThat(this.strict.refusal("http://[::]/cb"))
			.hasValueSatisfying((r) -> assertThat(r).contains("unspecified"));
		assertThat(this.strict.refusal("http://[fe80::1]/cb"))
			.hasValueSatisfying((r) -> assertThat(r).contains("link-local"));
		assertThat(this.strict.refusal("http://0.1.2.3/cb"))
			.hasValueSatisfying((r) -> assertThat(r).contains("unspecified"));
		// a public address through NAT64 is public
		assertThat(this.strict.refusal("http://[64:ff9b::808:808]/cb")).isEmpty();
	}

	@Test
	void allowsPublicAddressesAndTheConfiguredNetworks() {
		assertThat(this.strict.refusal("https://8.8.8.8/cb")).isEmpty();
		assertThat(this.strict.refusal("https://172.32.0.1/cb")).isEmpty();
		assertThat(this.strict.refusal("https://8.8.8.8:8443/cb?x=1")).isEmpty();
		assertThat(this.strict.refusal("https://[2001:4860:4860::8888]/cb")).isEmpty();
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
