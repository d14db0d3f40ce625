package com.cloudpartner.console;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console home: branding, entitlements, charges, token refresh and degraded
 * upstreams.
 */
class ConsoleHomeIT extends ConsoleTestSupport {

	@Test
	void showsTheCustomersEntitlementsAndChargesUnderThePartnersBrand() {
		String account = newAccount("Blue Hosting", 20);
		String customer = newCustomer(account, "user-2001");
		String key = FakeUpstreams.key(account, customer);
		upstreams.entitlements.put(key,
				"""
						{"entitlements":[
						 {"name":"accounts/%1$s/customers/%2$s/entitlements/e-1","offer":"offers/server-basic-flex",
						  "sku":"products/server-basic/skus/standard-2","state":"ACTIVE","createTime":"2026-10-01T00:00:00Z"},
						 {"name":"accounts/%1$s/customers/%2$s/entitlements/e-2","offer":"offers/office-suite-monthly",
						  "sku":"products/office-suite/skus/business","state":"SUSPENDED","createTime":"2026-10-02T03:00:00Z"}]}"""
					.formatted(account, customer));
		upstreams.charges.put(key, """
				{"month":"2026-10","asOf":"2026-10-15T00:00:00Z","currencyCode":"KRW",
				 "customerCost":{"currencyCode":"KRW","amount":"1234567"},
				 "lines":[{"customer":"%s","sku":"products/server-basic/skus/standard-2","meter":"server-hours",
				   "quantity":"336","customerCost":{"currencyCode":"KRW","amount":"1234567"}}]}""".formatted(customer));
		String cookie = openSession(account, customer, "user-2001", Duration.ofMinutes(5));

		HttpResponse<String> home = get("/console/home", cookie);

		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("id=\"partner-name\">Blue Hosting<", "id=\"user-id\">user-2001<",
				"src=\"https://cdn.partner.example/logo.png\"", "--brand: #0a7c4a", "id=\"entitlements\"",
				"offers/server-basic-flex", "products/office-suite/skus/business", "data-state=\"SUSPENDED\"",
				"datetime=\"2026-10-01T00:00:00Z\"", "2026-10-01 09:00", "id=\"charges-total\">1,234,567 KRW<",
				"class=\"charge-row\"", "사용 중");
		assertThat(home.body().split("class=\"entitlement-row\"", -1)).hasSize(3);
		assertThat(home.headers().firstValue("Content-Security-Policy")).hasValueSatisfying((csp) -> assertThat(csp)
			.contains("default-src 'self'", "img-src 'self' https://cdn.partner.example", "frame-ancestors 'none'"));
		String csp = home.headers().firstValue("Content-Security-Policy").orElseThrow();
		String nonce = csp.replaceAll(".*'nonce-([^']+)'.*", "$1");
		assertThat(home.body()).contains("<style nonce=\"" + nonce + "\">", "2026-10-15 09:00");
		assertThat(home.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(home.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(home.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
		assertThat(home.headers().firstValue("Cache-Control")).hasValue("no-store");
		// the session's own token was still fresh: nothing minted
		assertThat(upstreams.minted.get(key)).isNull();
	}

	@Test
	void speaksEnglishWhenAskedAndShowsAnEmptyState() {
		String account = newAccount("Blue Hosting", 20);
		String customer = newCustomer(account, "user-2002");
		upstreams.entitlements.put(FakeUpstreams.key(account, customer), "{\"entitlements\":[]}");
		String cookie = openSession(account, customer, "user-2002", Duration.ofMinutes(5));

		HttpResponse<String> english = get("/console/home", cookie, "Accept-Language", "en");
		HttpResponse<String> korean = get("/console/home", cookie);

		assertThat(english.body()).contains("<html lang=\"en\">", "Signed in as user-2002", "id=\"entitlements-empty\"",
				"You have no subscriptions yet.");
		assertThat(korean.body()).contains("<html lang=\"ko\">", "user-2002 님으로 로그인되어 있습니다", "아직 구독 중인 상품이 없습니다.");
	}

	@Test
	void mintsAFreshConsoleTokenWhenTheCurrentOneIsAboutToExpire() {
		String account = newAccount("Blue Hosting", 20);
		String customer = newCustomer(account, "user-2003");
		String key = FakeUpstreams.key(account, customer);
		upstreams.entitlements.put(key, "{\"entitlements\":[]}");
		String cookie = openSession(account, customer, "user-2003", Duration.ofSeconds(40));

		assertThat(get("/console/home", cookie).statusCode()).isEqualTo(200);
		assertThat(get("/console/home", cookie).statusCode()).isEqualTo(200);

		assertThat(upstreams.minted.get(key)).hasSize(1);
		assertThat(upstreams.entitlementCallers.get(key)).containsOnly(upstreams.minted.get(key).get(0));
	}

	@Test
	void showsAFriendlyPageWhenEntitlementAndBillingServicesFail() {
		String account = newAccount("Blue Hosting", 20);
		String customer = newCustomer(account, "user-2004");
		String cookie = openSession(account, customer, "user-2004", Duration.ofMinutes(5));

		HttpResponse<String> home = get("/console/home", cookie);

		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("id=\"entitlements-unavailable\"", "id=\"charges-unavailable\"",
				"id=\"user-id\">user-2004<");
		assertNoInternals(home);
	}

	@Test
	void givesUpOnASlowEntitlementServiceAfterTheReadTimeout() {
		String account = newAccount("Blue Hosting", 20);
		String customer = newCustomer(account, "user-2005");
		String key = FakeUpstreams.key(account, customer);
		upstreams.entitlements.put(key, "{\"entitlements\":[]}");
		upstreams.slow.put(key, Duration.ofSeconds(4));
		String cookie = openSession(account, customer, "user-2005", Duration.ofMinutes(5));

		long started = System.nanoTime();
		HttpResponse<String> home = get("/console/home", cookie);

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("id=\"entitlements-unavailable\"");
	}

}
