package com.cloudpartner.console.partnertool;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import com.cloudpartner.support.test.TestTokens;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The partner tool on a random port with partner-service faked over HTTP
 * ({@link FakePartnerService}), billing- and entitlement-service likewise
 * ({@link FakeBillingService}, {@link FakeEntitlementService}) and tokens from
 * {@link TestTokens}. Every partner tool IT extends this, so that they share one Spring
 * context; each test makes its own partners.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class PartnerToolTestSupport {

	static final FakePartnerService partnerService = FakePartnerService.get();

	static final FakeBillingService billingService = FakeBillingService.get();

	static final FakeEntitlementService entitlementService = FakeEntitlementService.get();

	static final String PASSWORD = "Secr3t!pw";

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void upstreamProperties(DynamicPropertyRegistry registry) {
		registry.add("platform.security.jwks-uri", () -> TestTokens.jwksUri().toString());
		registry.add("platform.services.partner", () -> partnerService.baseUri().toString());
		registry.add("platform.services.entitlement", () -> entitlementService.baseUri().toString());
		registry.add("platform.services.billing", () -> billingService.baseUri().toString());
		registry.add("platform.console.client-id", () -> "console-service-test");
		registry.add("platform.console.client-secret", () -> "console-service-test-secret");
		registry.add("platform.console.read-timeout", () -> "2s");
	}

	/** An approved partner with one member, under fresh ids. */
	static Partner newPartner(String displayName) {
		String accountId = "acct-" + UUID.randomUUID().toString().substring(0, 8);
		FakePartnerService.Account account = partnerService.account(accountId, displayName);
		String loginId = newLoginId();
		partnerService.members.put(loginId,
				new FakePartnerService.Member(loginId, PASSWORD, "member-" + loginId, accountId, true));
		return new Partner(accountId, loginId, account);
	}

	/** A member whose company is not an approved partner (no account). */
	static String newMemberWithoutPartner() {
		String loginId = newLoginId();
		partnerService.members.put(loginId,
				new FakePartnerService.Member(loginId, PASSWORD, "member-" + loginId, null, false));
		return loginId;
	}

	static String newLoginId() {
		return "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toLowerCase(Locale.ROOT);
	}

	Browser browser() {
		return new Browser(this.port);
	}

	/** A browser signed in as the partner's member, on the customer list. */
	Browser signedIn(Partner partner) {
		Browser browser = browser();
		HttpResponse<String> signIn = browser.signIn(partner.loginId(), PASSWORD);
		assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(303);
		assertThat(browser.follow(signIn).statusCode()).isEqualTo(200);
		return browser;
	}

	/** What partner-service was asked with the tokens of this partner's member. */
	static List<FakePartnerService.Seen> requestsOf(Partner partner) {
		return partnerService.requests.stream()
			.filter((seen) -> ("member-" + partner.loginId()).equals(seen.tokenSubject()))
			.toList();
	}

	static Optional<String> setCookie(HttpResponse<?> response, String name) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((value) -> value.startsWith(name + "="))
			.findFirst();
	}

	static void assertNoInternals(HttpResponse<String> response) {
		assertThat(response.body()).doesNotContain("Exception", "at com.", "at org.", "Whitelabel", "eyJ");
	}

	record Partner(String accountId, String loginId, FakePartnerService.Account account) {

	}

}
