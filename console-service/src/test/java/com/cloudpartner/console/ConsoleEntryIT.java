package com.cloudpartner.console;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import com.cloudpartner.support.test.TestTokens;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Entering the console with {@code user_id} and {@code jwt}, and leaving it. */
class ConsoleEntryIT extends ConsoleTestSupport {

	@Test
	void opensASessionAndSendsTheBrowserHome() {
		String account = newAccount("Blue Hosting", 20);
		String customer = newCustomer(account, "user-1001");

		HttpResponse<String> response = enter("user-1001",
				consoleToken(account, customer, "user-1001", Duration.ofMinutes(5)));

		assertThat(response.statusCode()).isEqualTo(303);
		assertThat(response.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/console/home"));
		String cookie = setCookie(response).orElseThrow();
		assertThat(cookie).matches("CONSOLE_SESSION=[A-Za-z0-9_-]{43}; .*")
			.contains("Path=/console", "Max-Age=1200", "HttpOnly", "SameSite=Lax")
			.doesNotContain("Secure");
	}

	@Test
	void marksTheCookieSecureWhenServedOverHttps() {
		String account = newAccount("Blue Hosting", 20);
		String customer = newCustomer(account, "user-1002");

		HttpResponse<String> response = enter("user-1002",
				consoleToken(account, customer, "user-1002", Duration.ofMinutes(5)), "X-Forwarded-Proto", "https");

		assertThat(response.statusCode()).isEqualTo(303);
		assertThat(setCookie(response).orElseThrow()).contains("Secure", "HttpOnly", "SameSite=Lax");
	}

	@Test
	void keepsTheDefaultSessionLifetimeWhilePartnerServiceIsDown() {
		String account = "acct-unreachable";
		String customer = newCustomer(account, "user-1003");

		HttpResponse<String> response = enter("user-1003",
				consoleToken(account, customer, "user-1003", Duration.ofMinutes(5)));

		assertThat(response.statusCode()).isEqualTo(303);
		assertThat(setCookie(response).orElseThrow()).contains("Max-Age=1800");
	}

	@Test
	void refusesATokenOfAnotherUserWithABilingualPage() {
		String account = newAccount("Blue Hosting", 20);
		String customer = newCustomer(account, "user-1004");

		HttpResponse<String> response = enter("someone-else",
				consoleToken(account, customer, "user-1004", Duration.ofMinutes(5)));

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(response.body()).contains("data-kind=\"refused-user\"", "이 사용자로 콘솔을 열 수 없습니다",
				"The console could not be opened for this user",
				"href=\"https://partner.example/" + account + "/login\"");
		assertThat(setCookie(response)).isEmpty();
		assertNoInternals(response);
	}

	@Test
	void refusesAnExpiredToken() {
		String account = newAccount("Blue Hosting", 20);
		String customer = newCustomer(account, "user-1005");

		HttpResponse<String> response = enter("user-1005",
				consoleToken(account, customer, "user-1005", Duration.ofMinutes(-10)));

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("data-kind=\"refused-expired\"", "콘솔 링크가 만료되었습니다",
				"The console link has expired", "https://partner.example/" + account + "/login");
		assertNoInternals(response);
	}

	@Test
	void refusesForgedTamperedAndPartnerTokens() {
		String account = newAccount("Blue Hosting", 20);
		String customer = newCustomer(account, "user-1006");
		String genuine = consoleToken(account, customer, "victim", Duration.ofMinutes(5));
		String[] parts = genuine.split("\\.");
		String otherPayload = consoleToken(account, customer, "user-1006", Duration.ofMinutes(5)).split("\\.")[1];
		String tampered = parts[0] + "." + otherPayload + "." + parts[2];

		for (String jwt : new String[] { tampered, TestTokens.forgedPartner(account), TestTokens.partner(account),
				"not-a-jwt", "" }) {
			HttpResponse<String> response = enter("user-1006", jwt);
			assertThat(response.statusCode()).as(jwt).isEqualTo(401);
			assertThat(response.body()).contains("data-kind=\"refused-invalid\"");
			assertThat(setCookie(response)).isEmpty();
			assertNoInternals(response);
		}
	}

	@Test
	void tellsVisitorsWithoutASessionToEnterFromThePartnerSite() {
		HttpResponse<String> front = get("/console", null);
		assertThat(front.statusCode()).isEqualTo(200);
		assertThat(front.body()).contains("data-kind=\"enter-from-partner\"");

		HttpResponse<String> home = get("/console/home", "CONSOLE_SESSION=" + "x".repeat(43));
		assertThat(home.statusCode()).isEqualTo(401);
		assertThat(home.body()).contains("data-kind=\"session-ended\"");
		assertNoInternals(home);
	}

	@Test
	void speaksKoreanByDefaultAndEnglishWhenAsked() {
		HttpResponse<String> korean = get("/console", null);
		assertThat(korean.body()).contains("<html lang=\"ko\">");
		assertThat(korean.body().indexOf("콘솔을 열어 주세요")).isLessThan(korean.body().indexOf("Open the console from"));

		HttpResponse<String> english = get("/console", null, "Accept-Language", "en-US,en;q=0.9");
		assertThat(english.body()).contains("<html lang=\"en\">");
		assertThat(english.body().indexOf("Open the console from")).isLessThan(english.body().indexOf("콘솔을 열어 주세요"));
	}

	@Test
	void signsOutAndForgetsTheSession() {
		String account = newAccount("Blue Hosting", 20);
		String customer = newCustomer(account, "user-1007");
		String cookie = openSession(account, customer, "user-1007", Duration.ofMinutes(5));
		assertThat(get("/console", cookie).statusCode()).isEqualTo(303);

		HttpResponse<String> logout = postForm("/console/logout", cookie, List.of("_csrf", csrfToken(cookie)));

		assertThat(logout.statusCode()).isEqualTo(200);
		assertThat(logout.body()).contains("data-kind=\"signed-out\"");
		assertThat(setCookie(logout).orElseThrow()).contains("Max-Age=0", "Path=/console");
		assertThat(get("/console/home", cookie).statusCode()).isEqualTo(401);
	}

	@Test
	void refusesASignOutThatDidNotComeFromTheSessionsOwnPage() {
		String account = newAccount("Blue Hosting", 20);
		String customer = newCustomer(account, "user-1008");
		String cookie = openSession(account, customer, "user-1008", Duration.ofMinutes(5));

		HttpResponse<String> forged = post("/console/logout", cookie);

		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(forged.body()).contains("data-kind=\"csrf\"");
		assertThat(setCookie(forged)).isEmpty();
		assertThat(get("/console/home", cookie).statusCode()).isEqualTo(200);
	}

	@Test
	void servesHealthAndItsApiDocument() {
		assertThat(get("/actuator/health", null).body()).contains("\"UP\"");
		HttpResponse<String> docs = get("/v3/api-docs", null);
		assertThat(docs.statusCode()).isEqualTo(200);
		assertThat(docs.body()).contains("\"/console\"", "\"/console/home\"", "\"/console/logout\"",
				"\"/console/servers\"", "\"/console/servers/{serverId}/delete\"", "\"/console/jobs/{jobId}\"",
				"bearerAuth", "CONSOLE_SESSION", "\"Problem\"");
		// the signed-in user comes from the session cookie, not from a parameter
		assertThat(docs.body()).doesNotContain("\"name\":\"user\"");
	}

}
