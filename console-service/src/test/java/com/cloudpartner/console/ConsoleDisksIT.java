package com.cloudpartner.console;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Disks: list, create with a size, attach and detach, delete after a confirmation. */
class ConsoleDisksIT extends ResourcesTestSupport {

	@Test
	void createsAttachesDetachesAndDeletesADisk() {
		Customer customer = signIn();
		String server = runningServer(customer, "db-1");
		HttpResponse<String> empty = get("/console/resources/disks", customer.cookie(), "Accept-Language", "en");
		assertThat(empty.statusCode()).isEqualTo(200);
		assertThat(empty.body()).contains("id=\"resources-empty\"", "id=\"nav-resources\"", "id=\"kind-buckets\"");
		HttpResponse<String> form = get("/console/resources/disks/new", customer.cookie());
		assertThat(form.body()).contains("id=\"create-form\"", "name=\"sizeGb\"", customer.entitlement());

		String disk = activeResource(customer, "disks", "displayName", "data-1", "sizeGb", "100");

		assertThat(get("/console/resources/disks", customer.cookie()).body()).contains("data-1",
				"data-id=\"" + disk + "\"", "data-state=\"ACTIVE\"", ">100<");
		assertThat(runJob(customer, "/console/resources/disks/" + disk + "/attach", "server", server))
			.isEqualTo("SUCCEEDED");
		assertThat(page(customer, "disks", disk)).contains("id=\"resource-server\"", "/console/servers/" + server,
				"id=\"detach-form\"");
		assertThat(cloud.calls).anyMatch((call) -> call.method().equals("POST")
				&& call.path().endsWith("/customers/" + customer.id() + "/disks/" + disk + "/attach"));

		assertThat(runJob(customer, "/console/resources/disks/" + disk + "/detach")).isEqualTo("SUCCEEDED");
		HttpResponse<String> confirmation = get("/console/resources/disks/" + disk + "/delete", customer.cookie());
		assertThat(confirmation.body()).contains("이 디스크를 삭제할까요?", "name=\"confirm\" value=\"yes\"", "data-1");
		HttpResponse<String> unconfirmed = submit(customer, "/console/resources/disks/" + disk + "/delete", List.of());
		assertThat(location(unconfirmed)).isEqualTo("/console/resources/disks/" + disk + "/delete");
		assertThat(cloud.calls).noneMatch((call) -> call.method().equals("DELETE") && call.path().contains(disk));

		assertThat(runJob(customer, "/console/resources/disks/" + disk + "/delete", "confirm", "yes"))
			.isEqualTo("SUCCEEDED");
		assertThat(get("/console/resources/disks", customer.cookie()).body()).contains("id=\"resources-empty\"");
		assertThat(get("/console/jobs", customer.cookie(), "Accept-Language", "en").body()).contains("Attach disk",
				"Detach disk", "Delete disk", "class=\"resource-link\" href=\"/console/resources/disks/" + disk + "\"");
	}

	@Test
	void explainsThatAnAttachedDiskIsNotDeletedInBothLanguages() {
		Customer customer = signIn();
		String server = runningServer(customer, "app-1");
		String disk = activeResource(customer, "disks", "displayName", "logs", "sizeGb", "20");
		assertThat(runJob(customer, "/console/resources/disks/" + disk + "/attach", "server", server))
			.isEqualTo("SUCCEEDED");

		HttpResponse<String> refused = submit(customer, "/console/resources/disks/" + disk + "/delete",
				List.of("confirm", "yes"));
		assertThat(location(refused)).isEqualTo("/console/resources/disks/" + disk);
		HttpResponse<String> korean = get(location(refused), customer.cookie());
		assertThat(korean.body()).contains("data-code=\"DISK_ATTACHED\"", "먼저 디스크 연결을 해제한 뒤");
		submit(customer, "/console/resources/disks/" + disk + "/delete", List.of("confirm", "yes"));
		HttpResponse<String> english = get(location(refused), customer.cookie(), "Accept-Language", "en");
		assertThat(english.body()).contains("data-code=\"DISK_ATTACHED\"", "Detach the disk first");
		assertNoInternals(english);
		// held for one page only
		assertThat(page(customer, "disks", disk)).doesNotContain("id=\"refusal\"");
	}

	@Test
	void showsADiskOverTheQuotaAsAFailedJob() {
		Customer customer = signIn();

		String jobPage = location(sendCreate(customer, "disks", "displayName", "huge", "sizeGb", "2500"));
		assertThat(follow(customer, jobPage).get("state").asString()).isEqualTo("FAILED");

		assertThat(get(jobPage, customer.cookie(), "Accept-Language", "en").body())
			.contains("data-code=\"QUOTA_EXCEEDED\"", "Your quota is used up");
		assertThat(get("/console/resources/disks", customer.cookie()).body()).contains("data-state=\"ERROR\"");
	}

	@Test
	void refusesAnIncompleteFormWithoutAskingTheApi() {
		Customer customer = signIn();
		int before = cloud.calls.size();

		HttpResponse<String> response = sendCreate(customer, "disks", "displayName", "x", "sizeGb", "lots");

		assertThat(location(response)).isEqualTo("/console/resources/disks/new");
		assertThat(cloud.calls.subList(before, cloud.calls.size())).noneMatch((call) -> call.method().equals("POST"));
		assertThat(get("/console/resources/disks/new", customer.cookie()).body())
			.contains("data-code=\"FORM_INCOMPLETE\"");
	}

}
