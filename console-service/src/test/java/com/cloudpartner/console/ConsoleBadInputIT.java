package com.cloudpartner.console;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A console form or page address with a NUL character (which no service could store) gets
 * the console's bilingual error page with 400, not a 500 and not JSON, and changes
 * nothing; an API client of the console gets problem+json.
 */
class ConsoleBadInputIT extends ServersTestSupport {

	@Test
	void answersAFormWithANulCharacterWithTheErrorPage() {
		Customer customer = signIn();
		long before = mutatingCalls(customer.key());

		HttpResponse<String> response = postForm("/console/servers", customer.cookie(),
				List.of("_csrf", customer.csrf(), "entitlement", customer.entitlement(), "sku",
						"products/server-basic/skus/basic-2vcpu-4gb", "image", "ubuntu-24.04", "displayName",
						"web\u00001"),
				"Accept", "text/html,application/xhtml+xml");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
		assertThat(response.body()).contains("요청을 처리하지 못했습니다", "The request could not be handled");
		assertNoInternals(response);
		assertThat(mutatingCalls(customer.key())).isEqualTo(before);

		HttpResponse<String> page = get("/console/servers?state=a%00b", customer.cookie(), "Accept", "text/html");
		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body()).contains("요청을 처리하지 못했습니다");
	}

	@Test
	void answersAnApiClientWithProblemJson() {
		Customer customer = signIn();

		HttpResponse<String> response = get("/console/servers?state=a%00b", customer.cookie(), "Accept",
				"application/json");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(response.body()).contains("\"code\":\"VALIDATION_FAILED\"", "\"field\":\"state\"");

		HttpResponse<String> noSession = get("/console/jobs/j-1/progress", null, "Accept", "application/json");
		assertThat(noSession.statusCode()).isEqualTo(401);
		assertThat(noSession.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(noSession.body()).contains("\"code\":\"SESSION_ENDED\"");
	}

}
