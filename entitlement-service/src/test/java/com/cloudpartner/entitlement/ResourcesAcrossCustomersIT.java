package com.cloudpartner.entitlement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.cloudpartner.support.test.TestTokens;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /v1/accounts/{a}/resources}: a partner's resources of every customer on one
 * list, newest first, filtered by kind, customer and state, for the partner and operators
 * only.
 */
class ResourcesAcrossCustomersIT extends ResourcesITSupport {

	@Test
	void listsEveryCustomersResourcesNewestFirstAsThePerCustomerListsShowThem() throws Exception {
		String server = runningServer("web-1");
		Response disk = post(customerPath() + "/disks", this.partner,
				Map.of("entitlement", this.entitlement, "sku", DISK_SKU, "sizeGb", 10, "displayName", "data"));
		assertThat(disk.status()).isEqualTo(202);
		String[] other = anotherCustomer();
		Response ip = post("/v1/accounts/" + this.account + "/customers/" + other[0] + "/public-ips", this.partner,
				Map.of("entitlement", other[1], "sku", "products/public-ip/skus/ipv4", "displayName", "front"));
		assertThat(ip.status()).isEqualTo(202);
		String all = "/v1/accounts/" + this.account + "/resources";

		Response listed = get(all, this.partner);

		assertThat(listed.status()).isEqualTo(200);
		assertThat(names(listed)).containsExactly(ip.text("/publicIp/name"), disk.text("/disk/name"), server);
		JsonNode first = listed.body().at("/resources/2");
		JsonNode same = get(customerPath() + "/servers", this.partner).body().at("/servers/0");
		assertThat(first).isEqualTo(same);
		assertThat(listed.text("/nextPageToken")).isEmpty();
		assertThat(names(get(all + "?kind=servers", this.partner))).containsExactly(server);
		assertThat(names(get(all + "?kind=public-ips", this.partner))).containsExactly(ip.text("/publicIp/name"));
		assertThat(names(get(all + "?customer=" + other[0], this.partner))).containsExactly(ip.text("/publicIp/name"));
		assertThat(names(get(all + "?customer=accounts/" + this.account + "/customers/" + this.customer, this.partner)))
			.containsExactly(disk.text("/disk/name"), server);
		assertThat(names(get(all + "?kind=disks&customer=" + other[0], this.partner))).isEmpty();
		assertThat(names(get(all + "?state=RUNNING", this.partner))).containsExactly(server);
		assertThat(names(get(all + "?customer=nobody", this.partner))).isEmpty();
	}

	@Test
	void leavesDeletedResourcesOutUnlessAskedForThem() {
		String server = runningServer("short-lived");
		assertThat(finished(call(HttpMethod.DELETE, "/v1/" + server, this.partner, null)).text("/state"))
			.isEqualTo("SUCCEEDED");
		String all = "/v1/accounts/" + this.account + "/resources";

		assertThat(names(get(all, this.partner))).doesNotContain(server);
		assertThat(names(get(all + "?state=DELETED", this.partner))).containsExactly(server);
		assertThat(get(all + "?state=DELETED", this.partner).text("/resources/0/state")).isEqualTo("DELETED");
	}

	@Test
	void pagesWithTokensAndRefusesWhatIsNotAPageOrAFilter() {
		List<String> created = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			Response disk = post(customerPath() + "/disks", this.partner,
					Map.of("entitlement", this.entitlement, "sku", DISK_SKU, "sizeGb", 1, "displayName", "d" + i));
			created.add(0, disk.text("/disk/name"));
		}
		String all = "/v1/accounts/" + this.account + "/resources";
		List<String> paged = new ArrayList<>();
		String token = "";
		do {
			Response page = get(all + "?pageSize=2&pageToken=" + token, this.partner);
			assertThat(page.body().get("resources").size()).isLessThanOrEqualTo(2);
			paged.addAll(names(page));
			token = page.text("/nextPageToken");
		}
		while (!token.isEmpty());
		assertThat(paged).containsExactlyElementsOf(created);
		assertProblem(get(all + "?pageSize=0", this.partner), 400, "VALIDATION_FAILED");
		assertProblem(get(all + "?pageSize=501", this.partner), 400, "VALIDATION_FAILED");

		assertProblem(get(all + "?pageSize=-1", this.partner), 400, "VALIDATION_FAILED");
		assertProblem(get(all + "?pageSize=many", this.partner), 400, "VALIDATION_FAILED");
		assertProblem(get(all + "?pageToken=garbage!", this.partner), 400, "INVALID_PAGE_TOKEN");
		String foreignToken = get(customerPath() + "/purchasable-skus?pageSize=1", this.partner).text("/nextPageToken");
		assertProblem(get(all + "?pageToken=" + foreignToken, this.partner), 400, "INVALID_PAGE_TOKEN");
		Response badKind = get(all + "?kind=volumes", this.partner);
		assertProblem(badKind, 400, "VALIDATION_FAILED");
		assertThat(badKind.text("/errors/0/field")).isEqualTo("kind");
		assertProblem(get(all + "?state=ASLEEP", this.partner), 400, "VALIDATION_FAILED");
	}

	@Test
	void onlyThePartnerAndOperatorsListTheAccountsResources() {
		post(customerPath() + "/disks", this.partner,
				Map.of("entitlement", this.entitlement, "sku", DISK_SKU, "sizeGb", 1, "displayName", "mine"));
		String all = "/v1/accounts/" + this.account + "/resources";

		assertThat(names(get(all, TestTokens.operator()))).hasSize(1);
		String reader = TestTokens.builder("reader", "partner-api", "partner.read", java.time.Duration.ofMinutes(5))
			.claim("acct", this.account)
			.compact();
		assertThat(names(get(all, reader))).hasSize(1);
		assertProblem(get(all, TestTokens.partner("acct-other")), 403, "ACCOUNT_FORBIDDEN");
		assertProblem(get(all, TestTokens.console(this.account, this.customer)), 403, "ACCOUNT_FORBIDDEN");
		assertThat(get(all, null).status()).isEqualTo(401);
	}

	@Test
	void documentsTheListWithAnExample() {
		JsonNode list = get("/v3/api-docs", null).body().at("/paths/~1v1~1accounts~1{accountId}~1resources/get");
		assertThat(list.at("/responses/200/content/application~1json/example/resources/0/sku").asString())
			.isEqualTo("products/server-basic/skus/basic-2vcpu-4gb");
		assertThat(list.at("/parameters").findValuesAsString("name")).contains("kind", "customer", "state", "pageSize",
				"pageToken");
	}

	private static List<String> names(Response response) {
		assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(200);
		List<String> names = new ArrayList<>();
		response.body().get("resources").forEach((r) -> names.add(r.get("name").asString()));
		return names;
	}

}
