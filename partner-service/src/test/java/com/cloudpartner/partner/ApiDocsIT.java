package com.cloudpartner.partner;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class ApiDocsIT extends PartnerServiceITSupport {

	@Test
	void describesTheApiWithBearerAuthProblemsAndTheGatewayAsServer() {
		Response response = get("/v3/api-docs", null);
		assertThat(response.status()).as(response.raw()).isEqualTo(200);
		JsonNode docs = response.body();
		assertThat(docs.get("servers").get(0).get("url").asString()).isEqualTo("http://localhost:8080");
		assertThat(docs.get("components").get("securitySchemes").get("bearerAuth").get("scheme").asString())
			.isEqualTo("bearer");
		assertThat(docs.get("components").get("schemas").has("Problem")).isTrue();
		JsonNode paths = docs.get("paths");
		assertThat(paths.has("/v1/accounts/{accountId}/customers")).isTrue();
		assertThat(paths.has("/v1/accounts/{accountId}/customers/{customerId}/console-tokens")).isTrue();
		JsonNode token = paths.get("/v1/oauth/token").get("post");
		assertThat(token.get("security").isEmpty()).isTrue();
		assertThat(token.get("requestBody").get("content").has("application/x-www-form-urlencoded")).isTrue();
		JsonNode create = paths.get("/v1/accounts/{accountId}/customers").get("post");
		assertThat(create.get("responses").get("4XX").get("content").get("application/problem+json").toString())
			.contains("#/components/schemas/Problem");
	}

}
