package com.cloudpartner.entitlement.jobs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** job.completed as published matches docs/events/job.completed.json field for field. */
class JobCompletedJsonTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void aSucceededJobReadsLikeTheDocumentedExample() throws Exception {
		JsonNode example = this.json.readTree(Files.readString(Path.of("../docs/events/job.completed.json")))
			.get("data");
		JsonNode data = this.json.valueToTree(JobCompleted.of(job(example), JobState.SUCCEEDED, null, null,
				Instant.parse(example.get("finishTime").asString())));
		assertThat(data).isEqualTo(example);
	}

	@Test
	void aFailedJobCarriesItsErrorCodeAndMessage() throws Exception {
		JsonNode example = this.json.readTree(Files.readString(Path.of("../docs/events/job.completed.json")))
			.get("data");
		JsonNode data = this.json.valueToTree(JobCompleted.of(job(example), JobState.FAILED, "QUOTA_EXCEEDED",
				"The customer already has 10 servers, the quota is 10.", Instant.now()));
		assertThat(data.get("state").asString()).isEqualTo("FAILED");
		assertThat(data.at("/error/code").asString()).isEqualTo("QUOTA_EXCEEDED");
		assertThat(data.at("/error/message").asString()).startsWith("The customer");
		assertThat(data.propertyNames()).containsExactlyInAnyOrderElementsOf(example.propertyNames());
	}

	private static Job job(JsonNode example) {
		String account = example.get("accountId").asString();
		return new Job(account, example.get("jobId").asString(), example.get("customerId").asString(),
				example.get("type").asString(), example.get("target").asString(), "srv-1", JobState.RUNNING,
				example.get("requestedBy").asString(), Map.of(), 1, null, null,
				Instant.parse(example.get("createTime").asString()), null, null);
	}

}
