package com.cloudpartner.entitlement;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.cloudpartner.support.test.TestTokens;

import static com.cloudpartner.entitlement.EntitlementLifecycleIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /v1/os-images}: the public OS images the simulated provider boots, read by
 * any verified token and paged like the other lists.
 */
class OsImagesIT extends IntegrationTestSupport {

	private static final List<String> CONFIGURED = List.of("debian-12", "rocky-9", "ubuntu-22.04", "ubuntu-24.04",
			"windows-server-2022");

	@Test
	void everyVerifiedTokenReadsTheImagesById() {
		for (String token : List.of(TestTokens.partner("demo-account"), TestTokens.console("demo-account", "c-1"),
				TestTokens.operator())) {
			Response list = get("/v1/os-images", token);
			assertThat(list.status()).isEqualTo(200);
			assertThat(ids(list)).containsExactlyElementsOf(CONFIGURED);
			assertThat(list.text("/nextPageToken")).isEmpty();
		}
		JsonNode ubuntu = get("/v1/os-images", TestTokens.partner("demo-account")).body().at("/osImages/3");
		assertThat(ubuntu.get("name").asString()).isEqualTo("os-images/ubuntu-24.04");
		assertThat(ubuntu.get("displayName").asString()).isEqualTo("Ubuntu 24.04 LTS");
		assertThat(ubuntu.get("osFamily").asString()).isEqualTo("LINUX");
		Response one = get("/v1/os-images/windows-server-2022", TestTokens.console("demo-account", "c-1"));
		assertThat(one.status()).isEqualTo(200);
		assertThat(one.text("/osFamily")).isEqualTo("WINDOWS");
		assertProblem(get("/v1/os-images/beos-5", TestTokens.partner("demo-account")), 404, "OS_IMAGE_NOT_FOUND");
		assertThat(get("/v1/os-images", null).status()).isEqualTo(401);
	}

	@Test
	void pagesWithTokensAndRefusesBadOnes() {
		String token = TestTokens.partner("demo-account");
		List<String> paged = new ArrayList<>();
		String next = "";
		do {
			Response page = get("/v1/os-images?pageSize=2&pageToken=" + next, token);
			assertThat(page.body().get("osImages").size()).isLessThanOrEqualTo(2);
			paged.addAll(ids(page));
			next = page.text("/nextPageToken");
		}
		while (!next.isEmpty());
		assertThat(paged).containsExactlyElementsOf(CONFIGURED);
		assertProblem(get("/v1/os-images?pageSize=-1", token), 400, "VALIDATION_FAILED");
		assertProblem(get("/v1/os-images?pageSize=lots", token), 400, "VALIDATION_FAILED");
		assertProblem(get("/v1/os-images?pageToken=garbage!", token), 400, "INVALID_PAGE_TOKEN");
	}

	@Test
	void documentsTheListWithAnExample() {
		JsonNode docs = get("/v3/api-docs", null).body();
		JsonNode list = docs.at("/paths/~1v1~1os-images/get");
		assertThat(list.isMissingNode()).isFalse();
		assertThat(list.at("/responses/200/content/application~1json/example/osImages/0/id").asString())
			.isEqualTo("debian-12");
		assertThat(docs.at("/paths/~1v1~1os-images~1{imageId}/get").isMissingNode()).isFalse();
	}

	private static List<String> ids(Response response) {
		List<String> ids = new ArrayList<>();
		response.body().get("osImages").forEach((image) -> ids.add(image.get("id").asString()));
		return ids;
	}

}
