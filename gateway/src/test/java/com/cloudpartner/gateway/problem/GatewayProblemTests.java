package com.cloudpartner.gateway.problem;

import java.net.ConnectException;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayProblemTests {

	@Test
	void upstreamTimeoutIs504() {
		GatewayProblem problem = GatewayProblem
			.of(new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT, "Response took longer than timeout: PT10S",
					new org.springframework.cloud.gateway.support.TimeoutException("slow")));
		assertThat(problem.status().value()).isEqualTo(504);
		assertThat(problem.code()).isEqualTo("UPSTREAM_TIMEOUT");
		assertThat(GatewayProblem.of(new java.util.concurrent.TimeoutException()).code()).isEqualTo("UPSTREAM_TIMEOUT");
	}

	@Test
	void unreachableServiceIs503() {
		GatewayProblem problem = GatewayProblem.of(new IllegalStateException(new ConnectException("refused")));
		assertThat(problem.status().value()).isEqualTo(503);
		assertThat(problem.code()).isEqualTo("SERVICE_UNAVAILABLE");
		assertThat(
				GatewayProblem.of(new org.springframework.cloud.gateway.support.ServiceUnavailableException()).code())
			.isEqualTo("SERVICE_UNAVAILABLE");
		assertThat(GatewayProblem.of(new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE)).code())
			.isEqualTo("SERVICE_UNAVAILABLE");
	}

	@Test
	void anythingElseIsAnInternalErrorWithoutDetails() {
		GatewayProblem problem = GatewayProblem.of(new NullPointerException("secret internals"));
		assertThat(problem.status().value()).isEqualTo(500);
		assertThat(problem.detail()).doesNotContain("secret");
	}

}
