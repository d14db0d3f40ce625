package com.cloudpartner.console.partnertool;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Signing in to the partner tool as a partner member, the session, and signing out. */
class PartnerSignInIT extends PartnerToolTestSupport {

	@Test
	void signsInAPartnerMemberWithASessionCookieOfItsOwn() {
		Partner partner = newPartner("Blue Hosting");
		Browser browser = browser();

		HttpResponse<String> signIn = browser.signIn(partner.loginId(), PASSWORD);

		assertThat(signIn.statusCode()).isEqualTo(303);
		assertThat(signIn.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/partner/customers"));
		assertThat(setCookie(signIn, "PARTNER_SESSION").orElseThrow()).matches("PARTNER_SESSION=[A-Za-z0-9_-]{43}; .*")
			.contains("Path=/partner", "HttpOnly", "SameSite=Lax")
			.containsPattern("Max-Age=(89\\d|900);")
			.doesNotContain("Secure");
		assertThat(setCookie(signIn, "CONSOLE_SESSION")).isEmpty();
		HttpResponse<String> customers = browser.follow(signIn);
		assertThat(customers.statusCode()).isEqualTo(200);
		assertThat(customers.body()).contains("id=\"account-name\">Blue Hosting<",
				"id=\"login-id\">" + partner.loginId() + "<");
		// the member's token stays on the server
		String token = partnerService.issuedTokens.get(partnerService.issuedTokens.size() - 1);
		assertThat(signIn.headers().map().toString()).doesNotContain(token);
		assertThat(customers.body()).doesNotContain(token);
		assertNoInternals(customers);
		// every call for the session carried the member's token, on its own account
		assertThat(requestsOf(partner)).isNotEmpty()
			.allSatisfy((seen) -> assertThat(seen.tokenAccount()).isEqualTo(partner.accountId()));
	}

	@Test
	void marksTheCookieSecureWhenServedOverHttps() {
		Partner partner = newPartner("Blue Hosting");

		HttpResponse<String> signIn = browser().signIn(partner.loginId(), PASSWORD, "X-Forwarded-Proto", "https");

		assertThat(signIn.statusCode()).isEqualTo(303);
		assertThat(setCookie(signIn, "PARTNER_SESSION").orElseThrow()).contains("Secure", "HttpOnly", "SameSite=Lax");
	}

	@Test
	void refusesAWrongPasswordWithoutSayingWhichPartWasWrong() {
		Partner partner = newPartner("Blue Hosting");
		Browser browser = browser();

		HttpResponse<String> signIn = browser.signIn(partner.loginId(), "wrong-password1!");

		assertThat(signIn.statusCode()).isEqualTo(401);
		assertThat(signIn.body()).contains("data-notice=\"failed\"", "아이디 또는 비밀번호가 올바르지 않습니다",
				"value=\"" + partner.loginId() + "\"");
		assertThat(signIn.body()).doesNotContain("wrong-password1!");
		assertThat(setCookie(signIn, "PARTNER_SESSION")).isEmpty();
		assertThat(browser.get("/partner/customers").statusCode()).isEqualTo(303);
	}

	@Test
	void explainsThatOnlyMembersOfApprovedPartnersMayUseTheTool() {
		String loginId = newMemberWithoutPartner();

		HttpResponse<String> signIn = browser().signIn(loginId, PASSWORD, "Accept-Language", "en");

		assertThat(signIn.statusCode()).isEqualTo(403);
		assertThat(signIn.body()).contains("data-notice=\"not-partner\"", "Your company is not an approved partner",
				"partner center");
		assertThat(setCookie(signIn, "PARTNER_SESSION")).isEmpty();
		assertNoInternals(signIn);
	}

	@Test
	void tellsAMemberOfASuspendedPartnerSo() {
		Partner partner = newPartner("Red Cloud");
		partnerService.members.put(partner.loginId(), new FakePartnerService.Member(partner.loginId(), PASSWORD,
				"member-" + partner.loginId(), partner.accountId(), false));

		HttpResponse<String> signIn = browser().signIn(partner.loginId(), PASSWORD);

		assertThat(signIn.statusCode()).isEqualTo(403);
		assertThat(signIn.body()).contains("data-notice=\"suspended\"", "파트너 계정이 일시 중지되었습니다");
		assertThat(setCookie(signIn, "PARTNER_SESSION")).isEmpty();
	}

	@Test
	void saysWhenALoginIsLocked() {
		String loginId = newLoginId();
		partnerService.members.put(loginId, new FakePartnerService.Member(loginId, "locked", "member-x", null, false));

		HttpResponse<String> signIn = browser().signIn(loginId, "anything1!", "Accept-Language", "en");

		assertThat(signIn.statusCode()).isEqualTo(423);
		assertThat(signIn.body()).contains("data-notice=\"locked\"", "this login is locked");
	}

	@Test
	void refusesASignInFormThatDidNotComeFromItsPage() {
		Partner partner = newPartner("Blue Hosting");
		Browser browser = browser();
		int before = partnerService.requests.size();

		HttpResponse<String> forged = browser.post("/partner/sign-in",
				List.of("loginId", partner.loginId(), "password", PASSWORD));
		HttpResponse<String> wrong = browser.post("/partner/sign-in",
				List.of("_csrf", "x".repeat(43), "loginId", partner.loginId(), "password", PASSWORD));

		for (HttpResponse<String> response : List.of(forged, wrong)) {
			assertThat(response.statusCode()).isEqualTo(403);
			assertThat(response.body()).contains("data-notice=\"csrf\"", "요청을 처리하지 않았습니다");
			assertThat(setCookie(response, "PARTNER_SESSION")).isEmpty();
		}
		assertThat(partnerService.requests.subList(before, partnerService.requests.size()))
			.noneMatch((seen) -> seen.path().equals("/v1/members/login")
					&& partner.loginId().equals(seen.body().get("loginId")));
	}

	@Test
	void sendsVisitorsWithoutASessionToSignIn() {
		Browser browser = browser();

		HttpResponse<String> fresh = browser.get("/partner/customers");
		assertThat(fresh.statusCode()).isEqualTo(303);
		assertThat(fresh.headers().firstValue("Location")).hasValue("/partner/sign-in");

		HttpResponse<String> stale = browser.get("/partner/settings", "Cookie", "PARTNER_SESSION=" + "x".repeat(43));
		assertThat(stale.statusCode()).isEqualTo(303);
		assertThat(stale.headers().firstValue("Location")).hasValue("/partner/sign-in?notice=expired");
		HttpResponse<String> page = browser.follow(stale);
		assertThat(page.body()).contains("data-notice=\"expired\"", "세션이 종료되었습니다");
	}

	@Test
	void signsOutAndForgetsTheSession() {
		Partner partner = newPartner("Blue Hosting");
		Browser browser = signedIn(partner);
		String session = browser.cookie("PARTNER_SESSION").orElseThrow();

		HttpResponse<String> signOut = browser.submit("/partner/sign-out");

		assertThat(signOut.headers().firstValue("Location")).hasValue("/partner/sign-in?notice=signed-out");
		assertThat(setCookie(signOut, "PARTNER_SESSION").orElseThrow()).contains("Max-Age=0", "Path=/partner");
		assertThat(browser.follow(signOut).body()).contains("data-notice=\"signed-out\"");
		HttpResponse<String> after = browser().get("/partner/customers", "Cookie", "PARTNER_SESSION=" + session);
		assertThat(after.statusCode()).isEqualTo(303);
		assertThat(after.headers().firstValue("Location")).hasValue("/partner/sign-in?notice=expired");
	}

	@Test
	void endsTheSessionWhenPartnerServiceNoLongerAcceptsItsToken() {
		Partner partner = newPartner("Blue Hosting");
		Browser browser = signedIn(partner);
		partnerService.rejectedSubjects.add("member-" + partner.loginId());

		HttpResponse<String> page = browser.get("/partner/settings");

		assertThat(page.statusCode()).isEqualTo(303);
		assertThat(page.headers().firstValue("Location")).hasValue("/partner/sign-in?notice=expired");
		assertThat(setCookie(page, "PARTNER_SESSION").orElseThrow()).contains("Max-Age=0");
		assertThat(browser.follow(page).body()).contains("data-notice=\"expired\"");
	}

	@Test
	void speaksKoreanByDefaultAndEnglishByAcceptLanguageOrTheSwitch() {
		Browser browser = browser();

		HttpResponse<String> korean = browser.get("/partner/sign-in");
		assertThat(korean.body()).contains("<html lang=\"ko\">", "파트너 관리 도구 로그인", "href=\"/partner/sign-in?lang=en\"");

		HttpResponse<String> english = browser.get("/partner/sign-in", "Accept-Language", "en-US,en;q=0.9");
		assertThat(english.body()).contains("<html lang=\"en\">", "Sign in to the partner tool");

		HttpResponse<String> switched = browser.get("/partner/sign-in?lang=en", "Accept-Language", "ko");
		assertThat(switched.body()).contains("<html lang=\"en\">", "Sign in to the partner tool");
		assertThat(setCookie(switched, "PARTNER_LANG").orElseThrow()).contains("Path=/partner", "HttpOnly");
		assertThat(browser.get("/partner/sign-in", "Accept-Language", "ko").body()).contains("<html lang=\"en\">");

		assertThat(browser.get("/partner/sign-in?lang=ko").body()).contains("<html lang=\"ko\">");
		assertThat(browser.get("/partner/sign-in?lang=fr").body()).contains("<html lang=\"ko\">");
	}

	@Test
	void showsSignedInPagesInBothLanguages() {
		Partner partner = newPartner("Blue Hosting");
		Browser browser = signedIn(partner);

		assertThat(browser.get("/partner/customers").body()).contains("<html lang=\"ko\">", ">고객<", "아직 고객이 없습니다.");
		assertThat(browser.get("/partner/customers", "Accept-Language", "en").body()).contains("<html lang=\"en\">",
				">Customers<", "You have no customers yet.");
		assertThat(browser.get("/partner/customers?lang=en").body()).contains("<html lang=\"en\">",
				"href=\"/partner/customers?lang=ko\"");
	}

}
