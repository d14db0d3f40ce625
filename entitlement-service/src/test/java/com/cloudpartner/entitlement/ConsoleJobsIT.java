package com.cloudpartner.entitlement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.cloudpartner.support.test.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A console built on the API follows its own customer's jobs through the account's job
 * paths: {@code GET /v1/accounts/{a}/jobs/{j}} finds only that customer's jobs, and
 * {@code GET /v1/accounts/{a}/jobs} is always that customer's history.
 */
class ConsoleJobsIT extends ResourcesITSupport {

	@Test
	void consoleReadsItsOwnCustomersJobAndFindsNoOtherCustomersJob() throws Exception {
		String[] other = anotherCustomer();
		Response mine = createServer("mine");
		Response theirs = post("/v1/accounts/" + this.account + "/customers/" + other[0] + "/disks", this.partner,
				Map.of("entitlement", other[1], "sku", DISK_SKU, "sizeGb", 1));
		String console = TestTokens.console(this.account, this.customer);

		Response own = get("/v1/" + mine.text("/job/name"), console);
		assertThat(own.status()).isEqualTo(200);
		assertThat(own.text("/customer")).isEqualTo("accounts/" + this.account + "/customers/" + this.customer);
		assertThat(own.text("/type")).isEqualTo("CREATE_SERVER");

		Response foreign = get("/v1/" + theirs.text("/job/name"), console);
		assertProblem(foreign, 404, "JOB_NOT_FOUND");
		assertThat(foreign.body().toString()).doesNotContain(other[0]);
		assertProblem(get("/v1/accounts/" + this.account + "/jobs/no-such-job", console), 404, "JOB_NOT_FOUND");
		assertProblem(get("/v1/" + mine.text("/job/name"), TestTokens.console("acct-other", this.customer)), 403,
				"CUSTOMER_FORBIDDEN");
		assertThat(get("/v1/" + theirs.text("/job/name"), this.partner).status()).isEqualTo(200);
	}

	@Test
	void consoleListOfTheAccountsJobsIsItsOwnCustomersHistory() throws Exception {
		String[] other = anotherCustomer();
		Response first = createServer("one");
		Response second = post(customerPath() + "/disks", this.partner,
				Map.of("entitlement", this.entitlement, "sku", DISK_SKU, "sizeGb", 1));
		post("/v1/accounts/" + this.account + "/customers/" + other[0] + "/disks", this.partner,
				Map.of("entitlement", other[1], "sku", DISK_SKU, "sizeGb", 1));
		String console = TestTokens.console(this.account, this.customer);
		String jobs = "/v1/accounts/" + this.account + "/jobs";
		List<String> mine = List.of(second.text("/job/name"), first.text("/job/name"));

		assertThat(jobNames(get(jobs, console))).containsExactlyElementsOf(mine);
		assertThat(jobNames(get(jobs + "?customer=" + this.customer, console))).containsExactlyElementsOf(mine);
		assertThat(jobNames(get(jobs + "?customer=accounts/" + this.account + "/customers/" + this.customer, console)))
			.containsExactlyElementsOf(mine);
		assertThat(jobNames(get(jobs + "?customer=" + other[0], console))).isEmpty();
		assertThat(jobNames(get(jobs + "?resource=" + first.text("/server/name"), console)))
			.containsExactly(first.text("/job/name"));
		assertThat(jobNames(get(jobs, this.partner))).hasSize(3);

		List<String> paged = new ArrayList<>();
		String token = "";
		do {
			Response page = get(jobs + "?pageSize=1&pageToken=" + token, console);
			paged.addAll(jobNames(page));
			token = page.text("/nextPageToken");
		}
		while (!token.isEmpty());
		assertThat(paged).containsExactlyElementsOf(mine);

		assertProblem(get(jobs + "?pageSize=-1", console), 400, "VALIDATION_FAILED");
		assertProblem(get(jobs + "?pageToken=garbage!", console), 400, "INVALID_PAGE_TOKEN");
		assertProblem(get(jobs + "?customer=" + other[0] + "&pageToken=garbage!", console), 400, "INVALID_PAGE_TOKEN");
		assertProblem(get(jobs + "?state=DONE", console), 400, "VALIDATION_FAILED");
		assertProblem(get(jobs, TestTokens.console("acct-other", this.customer)), 403, "CUSTOMER_FORBIDDEN");
		assertProblem(get(jobs, TestTokens.partner("acct-other")), 403, "ACCOUNT_FORBIDDEN");
	}

	private static List<String> jobNames(Response response) {
		assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(200);
		List<String> names = new ArrayList<>();
		response.body().get("jobs").forEach((job) -> names.add(job.get("name").asString()));
		return names;
	}

}
