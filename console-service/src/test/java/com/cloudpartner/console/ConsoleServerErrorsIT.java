package com.cloudpartner.console;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the API refuses, and an API that does not answer, shown as messages in the user's
 * language (Korean unless the browser asks for English), never as internals.
 */
class ConsoleServerErrorsIT extends ServersTestSupport {

	@Test
	void showsAConflictOnTheServersPageInTheUsersLanguage() {
		Customer customer = signIn();
		String server = runningServer(customer, "web-1");
		follow(customer, act(customer, server, "stop"));

		HttpResponse<String> refused = submit(customer, "/console/servers/" + server + "/reboot", List.of());

		assertThat(location(refused)).isEqualTo("/console/servers/" + server);
		HttpResponse<String> korean = get("/console/servers/" + server, customer.cookie());
		assertThat(korean.body()).contains("data-code=\"SERVER_NOT_RUNNING\"", "서버가 실행 중이 아닙니다. 먼저 서버를 시작해 주세요.");
		assertNoInternals(korean);

		submit(customer, "/console/servers/" + server + "/stop", List.of());
		HttpResponse<String> english = get("/console/servers/" + server, customer.cookie(), "Accept-Language",
				"en-US,en;q=0.9");
		assertThat(english.body()).contains("<html lang=\"en\">", "The server is not running. Start it first.");
		// a message is shown once
		assertThat(get("/console/servers/" + server, customer.cookie()).body()).doesNotContain("id=\"refusal\"");
	}

	@Test
	void explainsResourcesStillActiveInBothLanguages() {
		Customer customer = signIn();
		String server = runningServer(customer, "web-1");

		cloud.refuseNext.put(customer.key(), new Object[] { 409, "RESOURCES_STILL_ACTIVE" });
		submit(customer, "/console/servers/" + server + "/delete", List.of("confirm", "yes"));
		HttpResponse<String> korean = get("/console/servers/" + server, customer.cookie(), "Accept-Language", "ko");
		cloud.refuseNext.put(customer.key(), new Object[] { 409, "RESOURCES_STILL_ACTIVE" });
		submit(customer, "/console/servers/" + server + "/delete", List.of("confirm", "yes"));
		HttpResponse<String> english = get("/console/servers/" + server, customer.cookie(), "Accept-Language", "en");

		assertThat(korean.body()).contains("data-code=\"RESOURCES_STILL_ACTIVE\"", "이 구독에 아직 사용 중인 자원이 있습니다");
		assertThat(english.body()).contains("Resources are still in use under this subscription");
		assertNoInternals(korean);
		assertThat(korean.body()).doesNotContain("SQL", "Secret.java");
	}

	@Test
	void showsAFailedJobsQuotaExceededInBothLanguages() {
		Customer customer = signIn();
		cloud.failNextJob.put(customer.key(), "QUOTA_EXCEEDED");

		String jobPage = create(customer, "one-too-many");
		JsonNode failed = follow(customer, jobPage);
		assertThat(failed.get("errorText").asString()).contains("사용 한도를 모두 사용했습니다");
		// what the job page's script fills in when it does not reload (a password is
		// shown)
		assertThat(failed.get("errorCode").asString()).isEqualTo("QUOTA_EXCEEDED");
		assertThat(failed.get("finishTimeText").asString()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");

		HttpResponse<String> korean = get(jobPage, customer.cookie());
		HttpResponse<String> english = get(jobPage, customer.cookie(), "Accept-Language", "en");
		assertThat(korean.body()).contains("data-state=\"FAILED\"", "data-code=\"QUOTA_EXCEEDED\"", "사용 한도를 모두 사용했습니다",
				"실패");
		assertThat(english.body()).contains("Your quota is used up", "Failed");
		assertThat(english.body()).doesNotContain("The provider said");
		HttpResponse<String> progress = get(jobPage + "/progress", customer.cookie(), "Accept-Language", "en");
		assertThat(progress.body()).contains("\"state\":\"FAILED\"", "\"done\":true", "Your quota is used up");
		assertThat(get("/console/servers", customer.cookie()).body()).contains("data-state=\"ERROR\"", "오류");
	}

	@Test
	void answersNotFoundForAServerThatIsNotThere() {
		Customer customer = signIn();

		HttpResponse<String> korean = get("/console/servers/0d1f0000-0000-0000-0000-000000000000", customer.cookie());
		HttpResponse<String> english = get("/console/servers/no-such-server", customer.cookie(), "Accept-Language",
				"en");
		HttpResponse<String> odd = get("/console/servers/..%2F..%2Fjobs", customer.cookie());

		assertThat(korean.statusCode()).isEqualTo(404);
		assertThat(korean.body()).contains("data-kind=\"not-found\"", "찾을 수 없습니다", "id=\"back-to-servers\"");
		assertThat(english.statusCode()).isEqualTo(404);
		assertThat(english.body()).contains("Not found", "does not exist, or is not yours");
		assertThat(odd.statusCode()).isIn(400, 404);
		assertNoInternals(korean);
		assertNoInternals(odd);
	}

	@Test
	void saysTheCloudIsUnavailableWhenTheApiDoesNotAnswer() {
		Customer customer = signIn();
		String server = runningServer(customer, "web-1");
		cloud.unavailable.add(customer.key());

		HttpResponse<String> list = get("/console/servers", customer.cookie());
		HttpResponse<String> english = get("/console/servers/" + server, customer.cookie(), "Accept-Language", "en");
		HttpResponse<String> action = submit(customer, "/console/servers/" + server + "/stop", List.of());

		assertThat(list.statusCode()).isEqualTo(503);
		assertThat(list.body()).contains("data-kind=\"unavailable\"", "일시적으로 사용할 수 없습니다");
		assertThat(english.statusCode()).isEqualTo(503);
		assertThat(english.body()).contains("Temporarily unavailable", "Please try again in a moment.");
		assertThat(action.statusCode()).isEqualTo(503);
		assertNoInternals(list);
		assertNoInternals(action);
		cloud.unavailable.remove(customer.key());
		assertThat(get("/console/servers", customer.cookie()).statusCode()).isEqualTo(200);
	}

	@Test
	void sendsPagesWithoutASessionToTheEntryNotice() {
		HttpResponse<String> servers = get("/console/servers", "CONSOLE_SESSION=" + "y".repeat(43));
		HttpResponse<String> job = get("/console/jobs/some-job", null);

		assertThat(servers.statusCode()).isEqualTo(401);
		assertThat(servers.body()).contains("data-kind=\"session-ended\"");
		assertThat(job.statusCode()).isEqualTo(401);
	}

}
