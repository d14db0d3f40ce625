package com.cloudpartner.console;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The servers list, the create form and a created server's job followed to its end. */
class ConsoleServersIT extends ServersTestSupport {

	@Test
	void leadsFromHomeToServersAndJobs() {
		Customer customer = signIn();

		HttpResponse<String> home = get("/console/home", customer.cookie());

		assertThat(home.body()).contains("id=\"nav-servers\" href=\"/console/servers\"",
				"id=\"nav-jobs\" href=\"/console/jobs\"", "name=\"_csrf\" value=\"" + customer.csrf() + "\"");
		HttpResponse<String> servers = get("/console/servers", customer.cookie());
		assertThat(servers.statusCode()).isEqualTo(200);
		assertThat(servers.body()).contains("id=\"servers-empty\"", "아직 서버가 없습니다.", "href=\"/console/servers/new\"");
	}

	@Test
	void createsAServerAndFollowsItsJobUntilItSucceeded() {
		Customer customer = signIn();
		cloud.images.put(customer.key(),
				List.of(Map.of("name",
						"accounts/" + customer.account() + "/customers/" + customer.id() + "/images/img-1", "id",
						"img-1", "displayName", "golden", "state", "ACTIVE")));

		HttpResponse<String> form = get("/console/servers/new", customer.cookie(), "Accept-Language", "en");

		assertThat(form.statusCode()).isEqualTo(200);
		// the ACTIVE IaaS entitlement only; the server SKUs the API offers this customer;
		// the provider's OS images and the customer's own
		assertThat(form.body()).contains("value=\"" + customer.entitlement() + "\"",
				"value=\"products/server-basic/skus/basic-2vcpu-4gb\">Basic 2 vCPU / 4 GB<",
				"value=\"products/server-premium/skus/premium-4vcpu-16gb\"", "value=\"ubuntu-24.04\">Ubuntu 24.04 LTS<",
				"value=\"windows-server-2022\">Windows Server 2022<", "/images/img-1\">golden<", "name=\"requestKey\"")
			.doesNotContain("e-office", "e-old", "ssd-gb", "nas-gb", "payg\"");

		String jobPage = create(customer, "web-1");
		HttpResponse<String> first = get(jobPage, customer.cookie(), "Accept-Language", "en");

		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.body()).contains("Create server", "id=\"password-box\"", "id=\"new-password\">Init-",
				"src=\"/console/assets/job-progress.js\"", "data-progress=\"" + jobPage + "/progress\"",
				"data-keep=\"true\"", "data-done=\"false\"");
		HttpResponse<String> script = get("/console/assets/job-progress.js", null);
		assertThat(script.statusCode()).isEqualTo(200);
		assertThat(script.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).contains("javascript"));
		assertThat(script.body()).contains("textContent", "job-finish-time", "job-error-live-code")
			.doesNotContain("innerHTML");
		assertThat(first.body()).contains("id=\"job-finish-time\"></dd>", "id=\"job-error-live-text\"");
		JsonNode done = follow(customer, jobPage);
		assertThat(done.get("state").asString()).isEqualTo("SUCCEEDED");
		assertThat(done.get("step").asInt()).isEqualTo(3);
		assertThat(done.get("errorText").isNull()).isTrue();
		HttpResponse<String> finished = get(jobPage, customer.cookie(), "Accept-Language", "en");
		// the progress answer has the finish time the reloaded page shows
		assertThat(done.get("finishTimeText").asString()).isNotBlank();
		assertThat(finished.body()).contains("id=\"job-finish-time\">" + done.get("finishTimeText").asString() + "<");
		assertThat(finished.body())
			.contains("data-state=\"SUCCEEDED\"", "id=\"job-succeeded\"", "id=\"back-to-server\"", "id=\"to-history\"")
			.doesNotContain("id=\"password-box\"", "Init-", "job-progress.js");

		HttpResponse<String> list = get("/console/servers", customer.cookie());
		assertThat(list.body()).contains(">web-1<", "data-state=\"RUNNING\"", "실행 중", "Basic 2 vCPU / 4 GB");
		String server = serverOfJob(customer, jobPage);
		HttpResponse<String> details = get("/console/servers/" + server, customer.cookie());
		assertThat(details.body())
			.contains("id=\"server-name\">web-1<", "id=\"stop-form\"", "id=\"reboot-form\"",
					"id=\"reset-password-form\"", "id=\"delete-link\"")
			.doesNotContain("id=\"start-form\"", "id=\"resize-form\"");
		// the form's one key became the Idempotency-Key
		assertThat(cloud.idempotency.keySet()).anyMatch((key) -> key.startsWith("console-"));
	}

	@Test
	void createsOneServerWhenTheSameFormIsSentTwice() {
		Customer customer = signIn();
		List<String> fields = List.of("_csrf", customer.csrf(), "entitlement", customer.entitlement(), "sku",
				"products/server-basic/skus/basic-2vcpu-4gb", "image", "ubuntu-24.04", "displayName", "twice",
				"requestKey", "3f1c1e0e-8d4c-4d7e-9a3c-1b2d3e4f5a6b");

		String first = location(postForm("/console/servers", customer.cookie(), fields));
		String second = location(postForm("/console/servers", customer.cookie(), fields));

		assertThat(second).isEqualTo(first);
		assertThat(cloud.servers.get(customer.key())).hasSize(1);
	}

	@Test
	void offersOnlyServerTypesThePartnerSellsAndTheCloudRuns() {
		Customer customer = signIn();
		cloud.notSellable.put(customer.account(), java.util.Set.of("products/server-basic/skus/basic-4vcpu-8gb"));
		int callsBefore = cloud.calls.size();

		HttpResponse<String> form = get("/console/servers/new", customer.cookie());

		// the catalog lists a GPU SKU metered in vm-hours too; no server runs on it
		assertThat(form.body())
			.contains("value=\"products/server-basic/skus/basic-2vcpu-4gb\"",
					"value=\"products/server-premium/skus/premium-4vcpu-16gb\"")
			.doesNotContain("basic-4vcpu-8gb", FakeCloud.GPU_SKU);
		assertThat(cloud.calls.subList(callsBefore, cloud.calls.size()))
			.anySatisfy((call) -> assertThat(call.path()).isEqualTo("/v1/accounts/" + customer.account() + "/customers/"
					+ customer.id() + "/purchasable-skus?kind=servers&pageSize=500"));
	}

	@Test
	void offersTheProvidersOsImagesBeforeTheCustomersOwn() {
		Customer customer = signIn();
		cloud.images.put(customer.key(),
				List.of(Map.of("name",
						"accounts/" + customer.account() + "/customers/" + customer.id() + "/images/img-2", "id",
						"img-2", "displayName", "my golden image", "state", "ACTIVE")));

		String form = get("/console/servers/new", customer.cookie()).body();

		java.util.regex.Matcher options = java.util.regex.Pattern.compile("<option value=\"([^\"]+)\"")
			.matcher(form.substring(form.indexOf("id=\"image\"")));
		List<String> values = new java.util.ArrayList<>();
		while (options.find()) {
			values.add(options.group(1));
		}
		assertThat(values).containsExactly("rocky-9", "ubuntu-24.04", "windows-server-2022",
				"accounts/" + customer.account() + "/customers/" + customer.id() + "/images/img-2");
		assertThat(form).doesNotContain("debian-12", "ubuntu-22.04");
	}

	@Test
	void saysSoWhenTheCustomerHasNoIaasEntitlement() {
		Customer customer = signIn();
		upstreams.entitlements.put(customer.key(), "{\"entitlements\":[]}");

		HttpResponse<String> form = get("/console/servers/new", customer.cookie(), "Accept-Language", "en");

		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.body()).contains("id=\"no-entitlement\"", "no active cloud infrastructure")
			.doesNotContain("id=\"create-form\"");
	}

	@Test
	void escapesWhatUsersTyped() {
		Customer customer = signIn();
		runningServer(customer, "<script>alert('x')</script>");

		HttpResponse<String> list = get("/console/servers", customer.cookie());

		assertThat(list.body()).doesNotContain("<script>alert")
			.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
	}

	@Test
	void refusesAnIncompleteFormOnTheFormItself() {
		Customer customer = signIn();

		HttpResponse<String> response = submit(customer, "/console/servers",
				List.of("entitlement", customer.entitlement(), "sku", "", "image", "ubuntu-24.04"));

		assertThat(location(response)).isEqualTo("/console/servers/new");
		HttpResponse<String> form = get("/console/servers/new", customer.cookie(), "Accept-Language", "en");
		assertThat(form.body()).contains("id=\"refusal\"", "data-code=\"FORM_INCOMPLETE\"");
		assertThat(get("/console/servers/new", customer.cookie()).body()).doesNotContain("id=\"refusal\"");
		assertThat(mutatingCalls(customer.key())).isZero();
	}

}
