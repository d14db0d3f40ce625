package com.cloudpartner.console;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Each action of the server page: a POST with the CSRF token, a redirect, its job. */
class ConsoleServerActionsIT extends ServersTestSupport {

	@Test
	void stopsResizesStartsAndRebootsAServer() {
		Customer customer = signIn();
		String server = runningServer(customer, "app-1");

		assertThat(follow(customer, act(customer, server, "stop")).get("state").asString()).isEqualTo("SUCCEEDED");
		HttpResponse<String> stopped = get("/console/servers/" + server, customer.cookie());
		assertThat(stopped.body())
			.contains("data-state=\"STOPPED\"", "id=\"start-form\"", "id=\"resize-form\"",
					"value=\"products/server-basic/skus/basic-4vcpu-8gb\"")
			.doesNotContain("id=\"stop-form\"", "<option value=\"products/server-basic/skus/basic-2vcpu-4gb\"");

		String resize = act(customer, server, "resize", "sku", "products/server-premium/skus/premium-4vcpu-16gb");
		assertThat(follow(customer, resize).get("state").asString()).isEqualTo("SUCCEEDED");
		assertThat(get("/console/servers/" + server, customer.cookie()).body())
			.contains("id=\"server-sku\">Premium 4 vCPU / 16 GB<");

		assertThat(follow(customer, act(customer, server, "start")).get("state").asString()).isEqualTo("SUCCEEDED");
		String reboot = act(customer, server, "reboot");
		assertThat(get(reboot, customer.cookie(), "Accept-Language", "en").body()).contains("Reboot server");
		assertThat(follow(customer, reboot).get("state").asString()).isEqualTo("SUCCEEDED");
		assertThat(get("/console/servers/" + server, customer.cookie()).body()).contains("data-state=\"RUNNING\"");

		HttpResponse<String> history = get("/console/jobs", customer.cookie(), "Accept-Language", "en");
		assertThat(history.statusCode()).isEqualTo(200);
		assertThat(history.body().split("class=\"job-row\"", -1)).hasSize(6);
		assertThat(history.body().indexOf("Reboot server")).isLessThan(history.body().indexOf("Create server"));
		assertThat(history.body()).contains("Change server type", "Stop server", "Start server",
				"href=\"/console/servers/" + server + "\"");
		String other = runningServer(customer, "app-2");
		HttpResponse<String> ofServer = get("/console/jobs?server=" + server, customer.cookie());
		assertThat(ofServer.body().split("class=\"job-row\"", -1)).hasSize(6);
		assertThat(ofServer.body()).contains("id=\"jobs-filter\"").doesNotContain("/console/servers/" + other + "\"");
		assertThat(get("/console/servers/" + server, customer.cookie()).body())
			.contains("href=\"/console/jobs?server=" + server + "\"");
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void showsANewPasswordOnceAndNeverAgain(CapturedOutput output) {
		Customer customer = signIn();
		String server = runningServer(customer, "db-1");

		String jobPage = act(customer, server, "reset-password");
		HttpResponse<String> first = get(jobPage, customer.cookie(), "Accept-Language", "en");
		HttpResponse<String> reload = get(jobPage, customer.cookie(), "Accept-Language", "en");

		assertThat(first.body()).contains("id=\"new-password\">Reset-", "shown only now", "data-keep=\"true\"");
		assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-store");
		assertThat(reload.body()).doesNotContain("Reset-", "id=\"password-box\"");
		assertThat(get("/console/jobs", customer.cookie()).body()).doesNotContain("Reset-");
		assertThat(output.getAll()).doesNotContain("Reset-", "Init-");
	}

	@Test
	void deletesAServerOnlyOnceTheUserConfirmed() {
		Customer customer = signIn();
		String server = runningServer(customer, "old-1");

		HttpResponse<String> confirmation = get("/console/servers/" + server + "/delete", customer.cookie());
		assertThat(confirmation.statusCode()).isEqualTo(200);
		assertThat(confirmation.body()).contains("id=\"delete-form\"", "name=\"confirm\" value=\"yes\"", "이 서버를 삭제할까요?",
				"old-1");
		HttpResponse<String> unconfirmed = submit(customer, "/console/servers/" + server + "/delete", List.of());
		assertThat(location(unconfirmed)).isEqualTo("/console/servers/" + server + "/delete");
		assertThat(cloud.calls)
			.noneMatch((call) -> call.method().equals("DELETE") && call.path().contains(customer.id()));

		String jobPage = location(
				submit(customer, "/console/servers/" + server + "/delete", List.of("confirm", "yes")));
		assertThat(follow(customer, jobPage).get("state").asString()).isEqualTo("SUCCEEDED");

		HttpResponse<String> done = get(jobPage, customer.cookie());
		assertThat(done.body()).contains("서버 삭제", "id=\"back-to-servers\"").doesNotContain("id=\"back-to-server\"");
		assertThat(get("/console/servers", customer.cookie()).body()).contains("id=\"servers-empty\"");
	}

}
