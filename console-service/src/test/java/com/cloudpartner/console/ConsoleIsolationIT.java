package com.cloudpartner.console;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One end user's session never reaches another customer's servers or jobs: the console
 * calls the API only under its session's customer, with that customer's console token.
 */
class ConsoleIsolationIT extends ServersTestSupport {

	@Test
	void answersNotFoundForAnotherCustomersServerAndChangesNothing() {
		String account = newAccount("Blue Hosting", 20);
		Customer alice = signIn(account);
		Customer bob = signIn(account);
		String bobsServer = runningServer(bob, "bobs-secret-box");
		int callsBefore = cloud.calls.size();

		HttpResponse<String> details = get("/console/servers/" + bobsServer, alice.cookie());
		HttpResponse<String> confirm = get("/console/servers/" + bobsServer + "/delete", alice.cookie());
		HttpResponse<String> stop = submit(alice, "/console/servers/" + bobsServer + "/stop", List.of());
		HttpResponse<String> delete = submit(alice, "/console/servers/" + bobsServer + "/delete",
				List.of("confirm", "yes"));
		HttpResponse<String> resize = submit(alice, "/console/servers/" + bobsServer + "/resize",
				List.of("sku", "products/server-basic/skus/basic-4vcpu-8gb"));
		HttpResponse<String> list = get("/console/servers", alice.cookie());
		HttpResponse<String> jobs = get("/console/jobs?server=" + bobsServer, alice.cookie());

		for (HttpResponse<String> response : List.of(details, confirm, stop, delete, resize)) {
			assertThat(response.statusCode()).isEqualTo(404);
			assertThat(response.body()).contains("data-kind=\"not-found\"").doesNotContain("bobs-secret-box");
			assertNoInternals(response);
		}
		assertThat(list.body()).doesNotContain("bobs-secret-box", bobsServer);
		assertThat(jobs.body()).contains("id=\"jobs-empty\"").doesNotContain("class=\"job-row\"");
		// every call made for Alice's session named Alice, in the path and in the token
		List<FakeCloud.Call> alices = cloud.calls.subList(callsBefore, cloud.calls.size())
			.stream()
			.filter((call) -> call.path().contains("/customers/"))
			.toList();
		assertThat(alices).isNotEmpty()
			.allSatisfy((call) -> assertThat(call.path()).contains("/customers/" + alice.id() + "/"))
			.allSatisfy((call) -> assertThat(call.tokenCustomer()).isEqualTo(alice.id()));
		assertThat(get("/console/servers/" + bobsServer, bob.cookie()).body()).contains("data-state=\"RUNNING\"");
	}

	@Test
	void answersNotFoundForAnotherCustomersJob() {
		String account = newAccount("Blue Hosting", 20);
		Customer alice = signIn(account);
		Customer bob = signIn(account);
		String bobsJob = create(bob, "bobs-job-box");

		HttpResponse<String> page = get(bobsJob, alice.cookie());
		HttpResponse<String> progress = get(bobsJob + "/progress", alice.cookie());
		HttpResponse<String> history = get("/console/jobs", alice.cookie());

		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).doesNotContain("bobs-job-box", "Init-");
		assertThat(progress.statusCode()).isEqualTo(404);
		assertThat(progress.body()).doesNotContain("\"state\":", "bobs-job-box");
		assertThat(history.body()).contains("id=\"jobs-empty\"").doesNotContain(bob.id());
		// Bob's password was held for Bob's session only
		assertThat(get(bobsJob, bob.cookie()).body()).contains("id=\"new-password\">Init-");
	}

	@Test
	void showsNothingOfAnotherCustomerEvenWhenTheApiAnswersIt() {
		String account = newAccount("Blue Hosting", 20);
		Customer alice = signIn(account);
		Customer bob = signIn(account);
		String bobsJob = create(bob, "bobs-leaky-box");
		cloud.leakJobs = true;
		try {
			HttpResponse<String> page = get(bobsJob, alice.cookie());

			assertThat(page.statusCode()).isEqualTo(404);
			assertThat(page.body()).doesNotContain(bob.id(), "CREATE_SERVER", "서버 생성");
		}
		finally {
			cloud.leakJobs = false;
		}
	}

	@Test
	void neverTakesTheCustomerFromTheRequest() {
		String account = newAccount("Blue Hosting", 20);
		Customer alice = signIn(account);
		Customer bob = signIn(account);
		int callsBefore = cloud.calls.size();

		HttpResponse<String> created = submit(alice, "/console/servers",
				List.of("entitlement", bob.entitlement(), "sku", "products/server-basic/skus/basic-2vcpu-4gb", "image",
						"ubuntu-24.04", "customer", bob.id(), "account", "acct-other"));
		get("/console/servers?customer=" + bob.id() + "&account=acct-other", alice.cookie());

		// Bob's entitlement is not Alice's: refused on the form, without asking the API
		assertThat(location(created)).isEqualTo("/console/servers/new");
		assertThat(cloud.calls.subList(callsBefore, cloud.calls.size())).isNotEmpty()
			.allSatisfy((call) -> assertThat(call.path()).doesNotContain(bob.id(), "acct-other"))
			.allSatisfy((call) -> assertThat(call.tokenCustomer()).isIn(alice.id(), null));
		assertThat(cloud.servers.getOrDefault(bob.key(), java.util.Map.of())).isEmpty();
	}

}
