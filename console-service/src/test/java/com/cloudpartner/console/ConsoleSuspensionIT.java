package com.cloudpartner.console;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A suspended partner's consoles show a clear bilingual page: at entry, and on every page
 * of an open session within seconds of the suspension, also on pages whose upstreams do
 * not refuse (decision 0072).
 */
class ConsoleSuspensionIT extends ConsoleTestSupport {

	@Test
	void refusesEntryWithASuspensionPageWhenTheAccountIsSuspended() {
		String account = newAccount("Red Cloud", 20);
		upstreams.accounts.put(account, upstreams.accounts.get(account).replace("\"ACTIVE\"", "\"SUSPENDED\""));
		String customer = newCustomer(account, "user-3001");

		HttpResponse<String> response = enter("user-3001",
				consoleToken(account, customer, "user-3001", Duration.ofMinutes(5)), "Accept-Language", "en");

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("data-kind=\"suspended\"", "This service is suspended",
				"이 서비스는 일시 중지되었습니다", "Red Cloud");
		assertThat(sessionCookie(response)).isEmpty();
		assertNoInternals(response);
	}

	@Test
	void refusesEntryWithATokenIssuedBeforeTheSuspension() {
		String account = newAccount("Blue Cloud", 20);
		String customer = newCustomer(account, "user-3003");
		upstreams.entitlements.put(FakeUpstreams.key(account, customer), "{\"entitlements\":[]}");
		String before = consoleToken(account, customer, "user-3003", Duration.ofMinutes(5));
		String cookie = openSession(account, customer, "user-3003", Duration.ofMinutes(5));
		assertThat(get("/console/home", cookie).statusCode()).isEqualTo(200);

		// suspended after the account was read (and kept) for the first session
		upstreams.accounts.put(account, upstreams.accounts.get(account).replace("\"ACTIVE\"", "\"SUSPENDED\""));
		HttpResponse<String> response = enter("user-3003", before, "Accept-Language", "en");

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("data-kind=\"suspended\"", "This service is suspended", "Blue Cloud");
		assertThat(sessionCookie(response)).isEmpty();
	}

	@Test
	void showsTheSuspensionPageOnHomeWhenAnUpstreamSaysSo() {
		String account = newAccount("Green Cloud", 20);
		String customer = newCustomer(account, "user-3002");
		upstreams.entitlements.put(FakeUpstreams.key(account, customer), "{\"entitlements\":[]}");
		String cookie = openSession(account, customer, "user-3002", Duration.ofMinutes(5));
		assertThat(get("/console/home", cookie).statusCode()).isEqualTo(200);

		upstreams.suspended.add(account);
		HttpResponse<String> home = get("/console/home", cookie, "Accept-Language", "ko");

		assertThat(home.statusCode()).isEqualTo(403);
		assertThat(home.body()).contains("data-kind=\"suspended\"", "이 서비스는 일시 중지되었습니다", "This service is suspended");
		assertThat(home.body().indexOf("이 서비스는")).isLessThan(home.body().indexOf("This service is"));
		assertNoInternals(home);

		upstreams.suspended.remove(account);
		assertThat(get("/console/home", cookie).statusCode()).isEqualTo(200);
	}

	@Test
	void showsTheSuspensionPageOnEveryPageOfAnOpenSessionWithinSeconds() {
		String account = newAccount("Violet Cloud", 20);
		String customer = newCustomer(account, "user-3004");
		upstreams.entitlements.put(FakeUpstreams.key(account, customer), "{\"entitlements\":[]}");
		String cookie = openSession(account, customer, "user-3004", Duration.ofMinutes(5));
		assertThat(get("/console/home", cookie).statusCode()).isEqualTo(200);

		// suspended at partner-service only: no upstream of the pages refuses anything
		upstreams.accounts.put(account, upstreams.accounts.get(account).replace("\"ACTIVE\"", "\"SUSPENDED\""));

		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> get("/console/home", cookie).statusCode() == 403);
		for (String page : List.of("/console/home", "/console/subscriptions", "/console/charges", "/console/jobs",
				"/console/servers", "/console/servers/srv-1", "/console/servers/srv-1/monitoring",
				"/console/servers/srv-1/firewall-rules", "/console/resources/disks", "/console/resources/disks/d-1")) {
			HttpResponse<String> response = get(page, cookie, "Accept-Language", "en");
			assertThat(response.statusCode()).as(page).isEqualTo(403);
			assertThat(response.body()).as(page).contains("data-kind=\"suspended\"", "This service is suspended");
			assertNoInternals(response);
		}

		// reinstated: the same session works again within seconds
		upstreams.accounts.put(account, upstreams.accounts.get(account).replace("\"SUSPENDED\"", "\"ACTIVE\""));
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> get("/console/home", cookie).statusCode() == 200);
	}

}
