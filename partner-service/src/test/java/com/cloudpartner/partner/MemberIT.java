package com.cloudpartner.partner;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class MemberIT extends PartnerServiceITSupport {

	@Test
	void signsUpVerifiesTheEmailFromARealMailAndLogsIn() {
		String loginId = newLoginId();
		String email = loginId + "@acme.example.com";
		Response created = post("/v1/members", null, signUpBody(loginId, email));
		assertThat(created.status()).as(created.raw()).isEqualTo(201);
		assertThat(created.text("state")).isEqualTo("PENDING_VERIFICATION");
		assertThat(created.text("loginId")).isEqualTo(loginId);
		assertThat(created.raw()).doesNotContain("Pw!12345x");

		Response early = post("/v1/members/login", null, Map.of("loginId", loginId, "password", "Pw!12345x"));
		assertThat(early.status()).isEqualTo(403);
		assertThat(early.text("code")).isEqualTo("EMAIL_NOT_VERIFIED");

		Mail mail = awaitMail(email, "Verify");
		assertThat(mail.subject()).contains("이메일").contains("Verify your e-mail");
		assertThat(mail.text()).contains("인증 토큰").contains("Verification token");
		String token = mail.token("Verification token");
		Response verified = post("/v1/members/verify-email", null, Map.of("token", token));
		assertThat(verified.status()).as(verified.raw()).isEqualTo(200);
		assertThat(verified.text("state")).isEqualTo("ACTIVE");
		Response again = post("/v1/members/verify-email", null, Map.of("token", token));
		assertThat(again.status()).isEqualTo(400);
		assertThat(again.text("code")).isEqualTo("TOKEN_INVALID");
		assertThat(mails(email, "Verify")).hasSize(1);

		Response login = post("/v1/members/login", null, Map.of("loginId", loginId, "password", "Pw!12345x"));
		assertThat(login.status()).as(login.raw()).isEqualTo(200);
		assertThat(login.text("scope")).isEqualTo("member");
		assertThat(login.header("Cache-Control")).contains("no-store");
		Response me = get("/v1/members/me", login.text("access_token"));
		assertThat(me.text("id")).isEqualTo(created.text("id"));
		assertThat(me.text("accountId")).isNull();
	}

	@Test
	void refusesEachBrokenSignUpRuleByNameAndDuplicates() {
		Map<String, Object> body = signUpBody("ab", "bad@acme.example.com");
		body.put("password", "xyzwvuts");
		body.put("company", Map.of("name", "Acme", "businessRegistrationNumber", "1208147522",
				"corporateRegistrationNumber", "110111-1234567"));
		body.put("agreements", Map.of("terms", true, "privacy", false));
		Response refused = post("/v1/members", null, body);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.text("code")).isEqualTo("VALIDATION_FAILED");
		assertThat(errors(refused)).containsEntry("loginId", "must be 5 to 12 letters and digits")
			.containsEntry("password", "must contain letters, digits and special characters")
			.containsEntry("company.businessRegistrationNumber", "has a wrong check digit")
			.containsEntry("company.corporateRegistrationNumber", "must be 13 digits, digits only (no hyphens)")
			.containsEntry("agreements.privacy", "must be agreed to");

		Map<String, Object> containsId = signUpBody("alpha12345", "alpha@acme.example.com");
		containsId.put("password", "xALPHA12345!");
		assertThat(errors(post("/v1/members", null, containsId))).containsEntry("password",
				"must not contain the login id");
		Map<String, Object> digitsOnly = signUpBody("12345", "d@acme.example.com");
		assertThat(errors(post("/v1/members", null, digitsOnly))).containsEntry("loginId",
				"must contain at least one letter");

		Map<String, String> member = verifiedMember();
		Response sameId = post("/v1/members", null, signUpBody(member.get("loginId").toUpperCase(), "x@y.example.com"));
		assertThat(sameId.status()).isEqualTo(409);
		assertThat(sameId.text("code")).isEqualTo("LOGIN_ID_TAKEN");
		Response sameEmail = post("/v1/members", null, signUpBody(newLoginId(), member.get("email")));
		assertThat(sameEmail.text("code")).isEqualTo("EMAIL_TAKEN");
	}

	@Test
	void failedLoginsLookAlikeSlowDownAndLock() {
		Map<String, String> member = verifiedMember();
		String loginId = member.get("loginId");
		Response unknown = post("/v1/members/login", null, Map.of("loginId", "nosuch1", "password", "Pw!12345x"));
		assertThat(unknown.status()).isEqualTo(401);
		for (int i = 0; i < 4; i++) {
			Response wrong = post("/v1/members/login", null, Map.of("loginId", loginId, "password", "Wrong!123"));
			assertThat(wrong.status()).isEqualTo(401);
			assertThat(wrong.text("code")).isEqualTo(unknown.text("code")).isEqualTo("LOGIN_FAILED");
			assertThat(wrong.text("detail")).isEqualTo(unknown.text("detail"));
		}
		Response locking = post("/v1/members/login", null, Map.of("loginId", loginId, "password", "Wrong!123"));
		assertThat(locking.status()).isEqualTo(423);
		assertThat(locking.text("code")).isEqualTo("LOGIN_LOCKED");
		Response right = post("/v1/members/login", null, Map.of("loginId", loginId, "password", "Pw!12345x"));
		assertThat(right.status()).as("locked even with the right password").isEqualTo(423);
	}

	@Test
	void findsTheLoginIdAndResetsThePasswordByMailOnce() {
		Map<String, String> member = verifiedMember();
		String loginId = member.get("loginId");
		String email = member.get("email");
		Response find = post("/v1/members/find-login-id", null, Map.of("name", "Minji " + loginId, "email", email));
		assertThat(find.status()).isEqualTo(202);
		assertThat(awaitMail(email, "login id").text()).contains(loginId);
		Response nobody = post("/v1/members/find-login-id", null, Map.of("name", "Nobody", "email", email));
		assertThat(nobody.status()).isEqualTo(202);
		assertThat(nobody.raw()).isEqualTo(find.raw());

		Response reset = post("/v1/members/password-reset", null, Map.of("loginId", loginId, "email", email));
		assertThat(reset.status()).isEqualTo(202);
		Response second = post("/v1/members/password-reset", null, Map.of("loginId", loginId, "email", email));
		assertThat(second.status()).isEqualTo(409);
		assertThat(second.text("code")).isEqualTo("RESET_ALREADY_PENDING");
		String token = awaitMail(email, "Reset").token("Reset token");
		assertThat(mails(email, "Reset")).hasSize(1);

		Response weak = post("/v1/members/password-reset/confirm", null,
				Map.of("token", token, "newPassword", "short"));
		assertThat(weak.status()).isEqualTo(400);
		assertThat(errors(weak)).containsKey("newPassword");
		Response confirmed = post("/v1/members/password-reset/confirm", null,
				Map.of("token", token, "newPassword", "New#pass99"));
		assertThat(confirmed.status()).as(confirmed.raw()).isEqualTo(204);
		assertThat(post("/v1/members/password-reset/confirm", null, Map.of("token", token, "newPassword", "New#pass98"))
			.text("code")).isEqualTo("TOKEN_INVALID");
		assertThat(post("/v1/members/login", null, Map.of("loginId", loginId, "password", "Pw!12345x")).status())
			.isEqualTo(401);
		assertThat(post("/v1/members/login", null, Map.of("loginId", loginId, "password", "New#pass99")).status())
			.isEqualTo(200);
	}

	@Test
	void resendsTheVerificationMailAndOnlyTheNewTokenWorks() {
		String loginId = newLoginId();
		String email = loginId + "@acme.example.com";
		assertThat(post("/v1/members", null, signUpBody(loginId, email)).status()).isEqualTo(201);
		String first = awaitMail(email, "Verify").token("Verification token");
		assertThat(post("/v1/members/resend-verification", null, Map.of("loginId", loginId, "email", email)).status())
			.isEqualTo(202);
		List<Mail> both = org.awaitility.Awaitility.await()
			.until(() -> mails(email, "Verify"), (found) -> found.size() == 2);
		String second = both.get(1).token("Verification token");
		assertThat(second).isNotEqualTo(first);
		assertThat(post("/v1/members/verify-email", null, Map.of("token", first)).status()).isEqualTo(400);
		assertThat(post("/v1/members/verify-email", null, Map.of("token", second)).status()).isEqualTo(200);
	}

	@Test
	void anOperatorMayMarkAnEmailVerified() {
		String loginId = newLoginId();
		Response created = post("/v1/members", null, signUpBody(loginId, loginId + "@acme.example.com"));
		String path = "/v1/members/" + created.text("id") + "/verify";
		assertThat(post(path, partnerToken(newAccount()), null).status()).isEqualTo(403);
		Response verified = post(path, operatorToken(), null);
		assertThat(verified.status()).isEqualTo(200);
		assertThat(verified.text("state")).isEqualTo("ACTIVE");
		JsonNode audit = get("/v1/audit-log?target=members/" + created.text("id"), operatorToken()).body();
		assertThat(audit.get("entries").get(0).get("action").asString()).isEqualTo("member.email-verified");
		assertThat(audit.get("entries").get(0).get("actor").asString()).isEqualTo(OPERATOR_ID);
		assertThat(memberToken(loginId)).isNotBlank();
	}

	static Map<String, String> errors(Response response) {
		Map<String, String> errors = new java.util.LinkedHashMap<>();
		response.body()
			.get("errors")
			.valueStream()
			.forEach((e) -> errors.put(e.get("field").asString(), e.get("message").asString()));
		return errors;
	}

}
