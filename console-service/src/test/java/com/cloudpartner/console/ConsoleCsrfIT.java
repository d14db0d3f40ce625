package com.cloudpartner.console;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every form of a console session carries the session's own CSRF token; a form without it
 * (or with another's) changes nothing and gets a clear 403 page.
 */
class ConsoleCsrfIT extends ServersTestSupport {

	@Test
	void refusesFormsWithoutTheSessionsToken() {
		Customer customer = signIn();
		Customer other = signIn(customer.account());
		String server = runningServer(customer, "web-1");
		long before = mutatingCalls(customer.key());

		List<List<String>> forged = List.of(List.of(), List.of("_csrf", ""), List.of("_csrf", "guess"),
				List.of("_csrf", other.csrf()), List.of("_csrf", customer.csrf() + "x"));
		for (List<String> token : forged) {
			for (String path : List.of("/console/servers/" + server + "/stop", "/console/servers/" + server + "/delete",
					"/console/servers/" + server + "/resize", "/console/servers")) {
				List<String> fields = new java.util.ArrayList<>(token);
				fields.addAll(List.of("confirm", "yes", "sku", "products/server-basic/skus/basic-4vcpu-8gb"));
				HttpResponse<String> response = postForm(path, customer.cookie(), fields);
				assertThat(response.statusCode()).as(path + " " + token).isEqualTo(403);
				assertThat(response.body()).contains("data-kind=\"csrf\"", "이 요청을 받을 수 없습니다");
				assertNoInternals(response);
			}
		}

		assertThat(mutatingCalls(customer.key())).isEqualTo(before);
		assertThat(get("/console/servers/" + server, customer.cookie()).body()).contains("data-state=\"RUNNING\"");
	}

	@Test
	void explainsTheRefusalInEnglishWhenAsked() {
		Customer customer = signIn();

		HttpResponse<String> response = postForm("/console/servers", customer.cookie(), List.of("_csrf", "nope"),
				"Accept-Language", "en");

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("<html lang=\"en\">", "This form could not be accepted",
				"did not come from this console session", "id=\"nav-servers\"");
	}

	@Test
	void givesEachSessionItsOwnToken() {
		Customer customer = signIn();
		String again = openSession(customer.account(), customer.id(), customer.userId(),
				java.time.Duration.ofMinutes(5));

		assertThat(csrfToken(again)).isNotEqualTo(customer.csrf()).hasSize(43);
		assertThat(csrfToken(customer.cookie())).isEqualTo(customer.csrf());
	}

}
