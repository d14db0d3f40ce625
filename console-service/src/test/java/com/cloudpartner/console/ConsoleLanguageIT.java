package com.cloudpartner.console;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's language switch: Accept-Language by default (Korean without one), a
 * chosen language kept in a cookie of {@code /console} only.
 */
class ConsoleLanguageIT extends ConsoleTestSupport {

	@Test
	void remembersTheLanguageChosenUnderConsoleOnly() {
		String account = newAccount("Blue Hosting", 20);
		String customer = newCustomer(account, "user-5001");
		upstreams.entitlements.put(FakeUpstreams.key(account, customer), "{\"entitlements\":[]}");
		String cookie = openSession(account, customer, "user-5001", Duration.ofMinutes(5));

		HttpResponse<String> korean = get("/console/home", cookie);
		assertThat(korean.body()).contains("<html lang=\"ko\">",
				"class=\"language-switch\" href=\"/console/home?lang=en\" lang=\"en\" hreflang=\"en\">English<");

		HttpResponse<String> switched = get("/console/home?lang=en", cookie, "Accept-Language", "ko");
		assertThat(switched.body()).contains("<html lang=\"en\">", "Signed in as user-5001",
				"href=\"/console/home?lang=ko\" lang=\"ko\" hreflang=\"ko\">한국어<");
		String setCookie = switched.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((value) -> value.startsWith("CONSOLE_LANG="))
			.findFirst()
			.orElseThrow();
		assertThat(setCookie).startsWith("CONSOLE_LANG=en;").contains("Path=/console", "HttpOnly", "SameSite=Lax");
		assertThat(switched.headers().allValues("Set-Cookie")).noneMatch((value) -> value.startsWith("PARTNER_LANG="));

		String both = cookie + "; CONSOLE_LANG=en";
		assertThat(get("/console/home", both, "Accept-Language", "ko").body()).contains("<html lang=\"en\">");
		assertThat(get("/console/subscriptions", both, "Accept-Language", "ko").body()).contains("<html lang=\"en\">",
				">Subscriptions<");
		// another page keeps its query when it switches
		assertThat(get("/console/charges?month=2019-01", both).body())
			.contains("href=\"/console/charges?month=2019-01&amp;lang=ko\"");
		// the partner tool's own cookie does not change the console
		assertThat(get("/console/home", cookie + "; PARTNER_LANG=en").body()).contains("<html lang=\"ko\">");
		// and back
		assertThat(get("/console/home?lang=ko", both).body()).contains("<html lang=\"ko\">");
	}

	@Test
	void followsTheBrowserUntilAChoiceIsMade() {
		String account = newAccount("Blue Hosting", 20);
		String customer = newCustomer(account, "user-5002");
		upstreams.entitlements.put(FakeUpstreams.key(account, customer), "{\"entitlements\":[]}");
		String cookie = openSession(account, customer, "user-5002", Duration.ofMinutes(5));

		assertThat(get("/console/home", cookie, "Accept-Language", "en-US,en;q=0.8").body())
			.contains("<html lang=\"en\">", "href=\"/console/home?lang=ko\"");
		assertThat(get("/console/home", cookie).body()).contains("<html lang=\"ko\">");
		assertThat(get("/console/home?lang=fr", cookie).body()).contains("<html lang=\"ko\">");
	}

}
