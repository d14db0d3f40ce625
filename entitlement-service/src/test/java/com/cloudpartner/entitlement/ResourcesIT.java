package com.cloudpartner.entitlement;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.cloudpartner.support.test.TestTokens;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ResourcesIT extends ResourcesITSupport {

	@Test
	void runsAServerThroughItsLifeAsJobs() {
		Map<String, Object> body = Map.of("entitlement", this.entitlement, "sku", SERVER_SKU, "image", "ubuntu-24.04",
				"displayName", "web-1");
		Map<String, String> key = Map.of("Idempotency-Key", "create-web-1");
		Response created = call(HttpMethod.POST, customerPath() + "/servers", this.partner, body, key);
		assertThat(created.status()).isEqualTo(202);
		assertThat(created.text("/server/state")).isEqualTo("PROVISIONING");
		assertThat(created.text("/job/state")).isEqualTo("QUEUED");
		assertThat(created.text("/job/type")).isEqualTo("CREATE_SERVER");
		String password = created.text("/initialPassword");
		assertThat(password).hasSize(20);
		String server = created.text("/server/name");
		assertThat(created.text("/job/target")).isEqualTo(server);
		assertThat(server).startsWith("accounts/" + this.account + "/customers/" + this.customer + "/servers/");

		Response replay = call(HttpMethod.POST, customerPath() + "/servers", this.partner, body, key);
		assertThat(replay.status()).isEqualTo(202);
		assertThat(replay.body().get("job")).isEqualTo(created.body().get("job"));
		assertThat(replay.body().get("server")).isEqualTo(created.body().get("server"));
		assertThat(replay.body().has("initialPassword")).isFalse();
		assertProblem(
				call(HttpMethod.POST, customerPath() + "/servers", this.partner,
						Map.of("entitlement", this.entitlement, "sku", SERVER_SKU, "image", "debian-12"), key),
				422, "IDEMPOTENCY_KEY_REUSED");

		Response job = finished(created);
		assertThat(job.text("/state")).isEqualTo("SUCCEEDED");
		assertThat(job.body().get("error").isNull()).isTrue();
		assertThat(job.text("/requestedBy")).isNotBlank();
		assertThat(job.text("/finishTime")).isNotBlank();
		assertThat(get("/v1/" + server, this.partner).text("/state")).isEqualTo("RUNNING");
		String stored = this.jdbc.sql("select password_hash from sim_resource where id = :id")
			.param("id", id(server))
			.query(String.class)
			.single();
		assertThat(stored).startsWith("pbkdf2-sha256$").doesNotContain(password);
		assertThat(get(customerPath() + "/servers", this.partner).body().get("servers")).hasSize(1);

		assertProblem(post("/v1/" + server + "/start", this.partner, null), 409, "SERVER_NOT_STOPPED");
		assertProblem(post("/v1/" + server + "/resize", this.partner,
				Map.of("sku", "products/server-basic/skus/basic-4vcpu-8gb")), 409, "SERVER_NOT_STOPPED");
		assertThat(finished(post("/v1/" + server + "/stop", this.partner, null)).text("/state")).isEqualTo("SUCCEEDED");
		assertThat(get("/v1/" + server, this.partner).text("/state")).isEqualTo("STOPPED");
		assertProblem(post("/v1/" + server + "/resize", this.partner, Map.of("sku", DISK_SKU)), 400, "SKU_NOT_SERVER");
		assertThat(finished(post("/v1/" + server + "/resize", this.partner,
				Map.of("sku", "products/server-basic/skus/basic-4vcpu-8gb")))
			.text("/state")).isEqualTo("SUCCEEDED");
		assertThat(get("/v1/" + server, this.partner).text("/sku"))
			.isEqualTo("products/server-basic/skus/basic-4vcpu-8gb");
		assertThat(finished(post("/v1/" + server + "/start", this.partner, null)).text("/state"))
			.isEqualTo("SUCCEEDED");
		Response reset = post("/v1/" + server + "/reset-password", this.partner, null);
		assertThat(reset.text("/password")).hasSize(20).isNotEqualTo(password);
		assertThat(finished(reset).text("/type")).isEqualTo("RESET_SERVER_PASSWORD");
		assertThat(finished(
				call(HttpMethod.PATCH, "/v1/" + server, this.partner, Map.of("displayName", "web-one"), Map.of()))
			.text("/state")).isEqualTo("SUCCEEDED");
		assertThat(get("/v1/" + server, this.partner).text("/displayName")).isEqualTo("web-one");

		Response disk = post(customerPath() + "/disks", this.partner,
				Map.of("entitlement", this.entitlement, "sku", DISK_SKU, "sizeGb", 100, "displayName", "data"));
		assertThat(finished(disk).text("/state")).isEqualTo("SUCCEEDED");
		String diskName = disk.text("/disk/name");
		assertThat(finished(post("/v1/" + diskName + "/attach", this.partner, Map.of("server", server))).text("/state"))
			.isEqualTo("SUCCEEDED");
		assertThat(get("/v1/" + diskName, this.partner).text("/details/server")).isEqualTo(server);
		assertProblem(call(HttpMethod.DELETE, "/v1/" + server, this.partner, null), 409, "DISK_ATTACHED");
		assertProblem(call(HttpMethod.DELETE, "/v1/" + diskName, this.partner, null), 409, "DISK_ATTACHED");
		String entitlementId = this.entitlement.substring(this.entitlement.lastIndexOf('/') + 1);
		assertProblem(post("/v1/" + this.entitlement + "/cancel", this.partner, null), 409, "RESOURCES_STILL_ACTIVE");
		assertThat(finished(post("/v1/" + diskName + "/detach", this.partner, null)).text("/state"))
			.isEqualTo("SUCCEEDED");
		assertThat(get("/v1/" + diskName, this.partner).body().at("/details/server").isMissingNode()).isTrue();

		Response rule = post("/v1/" + server + "/firewall-rules", this.partner,
				Map.of("direction", "INBOUND", "protocol", "TCP", "port", "22", "cidr", "203.0.113.0/24"));
		assertThat(finished(rule).text("/state")).isEqualTo("SUCCEEDED");
		assertThat(get("/v1/" + server + "/firewall-rules", this.partner).body().get("firewallRules")).hasSize(1);

		Response deleted = call(HttpMethod.DELETE, "/v1/" + server, this.partner, null);
		assertThat(get("/v1/" + server, this.partner).text("/state")).isEqualTo("DELETING");
		assertThat(finished(deleted).text("/state")).isEqualTo("SUCCEEDED");
		assertThat(get("/v1/" + server, this.partner).text("/state")).isEqualTo("DELETED");
		assertThat(get("/v1/" + rule.text("/firewallRule/name"), this.partner).text("/state")).isEqualTo("DELETED");
		assertThat(get(customerPath() + "/servers", this.partner).body().get("servers")).isEmpty();
		assertThat(finished(call(HttpMethod.DELETE, "/v1/" + diskName, this.partner, null)).text("/state"))
			.isEqualTo("SUCCEEDED");
		assertThat(this.jdbc.sql("select count(*) from sim_resource where owner = :owner")
			.param("owner", "accounts/" + this.account + "/customers/" + this.customer)
			.query(Long.class)
			.single()).isZero();

		Response history = get("/v1/accounts/" + this.account + "/jobs?resource=" + server, this.partner);
		assertThat(history.body().get("jobs").findValuesAsString("type")).containsExactly("DELETE_SERVER",
				"CREATE_FIREWALL_RULE", "RENAME_SERVER", "RESET_SERVER_PASSWORD", "START_SERVER", "RESIZE_SERVER",
				"STOP_SERVER", "CREATE_SERVER");
		Response failedOnes = get("/v1/accounts/" + this.account + "/jobs?state=FAILED&customer=" + this.customer,
				this.partner);
		assertThat(failedOnes.body().get("jobs")).isEmpty();
		Response page = get("/v1/accounts/" + this.account + "/customers/" + this.customer + "/jobs?pageSize=2",
				TestTokens.console(this.account, this.customer));
		assertThat(page.body().get("jobs")).hasSize(2);
		assertThat(get("/v1/accounts/" + this.account + "/jobs?pageSize=2&pageToken=" + page.text("/nextPageToken"),
				this.partner)
			.body()
			.get("jobs")).hasSize(2);
		assertProblem(get("/v1/accounts/" + this.account + "/jobs?state=DONE", this.partner), 400, "VALIDATION_FAILED");

		ConsumerRecord<String, String> record = consume("entitlement-events", job.text("/name"),
				(e) -> e.get("type").asString().equals("job.completed"));
		JsonNode event = this.json.readTree(record.value());
		assertThat(event.get("source").asString()).isEqualTo("/entitlement-service");
		assertThat(event.get("subject").asString()).isEqualTo(job.text("/name"));
		assertThat(event.at("/data/accountId").asString()).isEqualTo(this.account);
		assertThat(event.at("/data/customerId").asString()).isEqualTo(this.customer);
		assertThat(event.at("/data/target").asString()).isEqualTo(server);
		assertThat(event.at("/data/state").asString()).isEqualTo("SUCCEEDED");
		assertThat(event.at("/data/type").asString()).isEqualTo("CREATE_SERVER");
		assertThat(entitlementId).isNotBlank();
	}

	@Test
	void injectedFailuresEndAsFailedJobsWithNothingLeftBehind() {
		assertProblem(
				post("/v1/provider/faults", this.partner,
						Map.of("operation", "CREATE_SERVER", "count", 1, "error", "CAPACITY_UNAVAILABLE")),
				403, "OPERATOR_ONLY");
		Response armed = post("/v1/provider/faults", TestTokens.operator(),
				Map.of("operation", "CREATE_SERVER", "count", 1, "error", "CAPACITY_UNAVAILABLE"));
		assertThat(armed.status()).isEqualTo(200);
		Response created = createServer("doomed");
		Response job = finished(created);
		assertThat(job.text("/state")).isEqualTo("FAILED");
		assertThat(job.text("/error/code")).isEqualTo("CAPACITY_UNAVAILABLE");
		String server = created.text("/server/name");
		Response after = get("/v1/" + server, this.partner);
		assertThat(after.text("/state")).isEqualTo("ERROR");
		assertThat(after.text("/error")).startsWith("CAPACITY_UNAVAILABLE");
		assertThat(this.jdbc.sql("select count(*) from sim_resource where id = :id")
			.param("id", id(server))
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("select count(*) from usage_period where resource_id = :id")
			.param("id", id(server))
			.query(Long.class)
			.single()).isZero();
		assertProblem(post("/v1/" + server + "/start", this.partner, null), 409, "RESOURCE_IN_ERROR");
		assertThat(get("/v1/accounts/" + this.account + "/jobs?state=FAILED", this.partner).body().get("jobs"))
			.hasSize(1);
		ConsumerRecord<String, String> record = consume("entitlement-events", job.text("/name"),
				(e) -> e.get("type").asString().equals("job.completed"));
		assertThat(this.json.readTree(record.value()).at("/data/error/code").asString())
			.isEqualTo("CAPACITY_UNAVAILABLE");
		assertThat(finished(call(HttpMethod.DELETE, "/v1/" + server, this.partner, null)).text("/state"))
			.isEqualTo("SUCCEEDED");
		assertThat(get("/v1/" + server, this.partner).text("/state")).isEqualTo("DELETED");

		String running = runningServer("survivor");
		post("/v1/provider/faults", TestTokens.operator(),
				Map.of("operation", "STOP_SERVER", "count", 1, "error", "HYPERVISOR_BUSY"));
		Response stop = finished(post("/v1/" + running + "/stop", this.partner, null));
		assertThat(stop.text("/error/code")).isEqualTo("HYPERVISOR_BUSY");
		assertThat(get("/v1/" + running, this.partner).text("/state")).isEqualTo("RUNNING");

		Response big = post(customerPath() + "/disks", this.partner,
				Map.of("entitlement", this.entitlement, "sku", DISK_SKU, "sizeGb", 1500));
		assertThat(finished(big).text("/state")).isEqualTo("SUCCEEDED");
		Response over = post(customerPath() + "/disks", this.partner,
				Map.of("entitlement", this.entitlement, "sku", DISK_SKU, "sizeGb", 600));
		assertThat(finished(over).text("/error/code")).isEqualTo("QUOTA_EXCEEDED");
		assertThat(get("/v1/" + over.text("/disk/name"), this.partner).text("/state")).isEqualTo("ERROR");
	}

	@Test
	void managesSnapshotsImagesPublicIpsLoadBalancersAndBuckets() {
		String server = runningServer("app");
		Response disk = post(customerPath() + "/disks", this.partner,
				Map.of("entitlement", this.entitlement, "sku", DISK_SKU, "sizeGb", 40));
		assertThat(finished(disk).text("/state")).isEqualTo("SUCCEEDED");
		Response snapshot = post(customerPath() + "/snapshots", this.partner, Map.of("entitlement", this.entitlement,
				"sku", "products/snapshot/skus/snapshot-gb", "source", disk.text("/disk/name")));
		assertThat(finished(snapshot).text("/type")).isEqualTo("CREATE_SNAPSHOT");
		assertThat(get("/v1/" + snapshot.text("/snapshot/name"), this.partner).body().get("sizeGb").asInt())
			.isEqualTo(40);
		Response image = post(customerPath() + "/images", this.partner, Map.of("entitlement", this.entitlement, "sku",
				"products/image/skus/image-gb", "source", server, "displayName", "golden"));
		assertThat(finished(image).text("/state")).isEqualTo("SUCCEEDED");
		assertThat(get("/v1/" + image.text("/image/name"), this.partner).text("/state")).isEqualTo("ACTIVE");
		assertProblem(
				post(customerPath() + "/images", this.partner,
						Map.of("entitlement", this.entitlement, "sku", "products/image/skus/image-gb")),
				400, "VALIDATION_FAILED");

		Response ip = post(customerPath() + "/public-ips", this.partner,
				Map.of("entitlement", this.entitlement, "sku", "products/public-ip/skus/ipv4"));
		assertThat(finished(ip).text("/state")).isEqualTo("SUCCEEDED");
		String ipName = ip.text("/publicIp/name");
		assertThat(get("/v1/" + ipName, this.partner).text("/details/address")).matches("203\\.0\\.\\d+\\.\\d+");
		assertProblem(post("/v1/" + ipName + "/release", this.partner, null), 409, "PUBLIC_IP_NOT_ASSIGNED");
		assertThat(finished(post("/v1/" + ipName + "/assign", this.partner, Map.of("server", server))).text("/state"))
			.isEqualTo("SUCCEEDED");
		assertThat(get("/v1/" + ipName, this.partner).text("/details/server")).isEqualTo(server);
		assertProblem(call(HttpMethod.DELETE, "/v1/" + ipName, this.partner, null), 409, "PUBLIC_IP_ASSIGNED");

		Response lb = post(customerPath() + "/load-balancers", this.partner,
				Map.of("entitlement", this.entitlement, "sku", "products/load-balancer/skus/standard", "ports",
						java.util.List.of(Map.of("port", 443, "protocol", "HTTPS", "targetPort", 8080)), "members",
						java.util.List.of(server)));
		assertThat(finished(lb).text("/state")).isEqualTo("SUCCEEDED");
		String lbName = lb.text("/loadBalancer/name");
		assertThat(get("/v1/" + lbName, this.partner).body().at("/details/members/0").asString()).isEqualTo(id(server));
		assertThat(finished(call(HttpMethod.PATCH, "/v1/" + lbName, this.partner,
				Map.of("ports", java.util.List.of(Map.of("port", 80, "protocol", "HTTP", "targetPort", 8080))),
				Map.of()))
			.text("/type")).isEqualTo("UPDATE_LOAD_BALANCER");
		assertThat(get("/v1/" + lbName, this.partner).body().at("/details/ports/0/port").asInt()).isEqualTo(80);
		assertThat(finished(post("/v1/" + lbName + "/block-network", this.partner, null)).text("/state"))
			.isEqualTo("SUCCEEDED");
		assertThat(get("/v1/" + lbName, this.partner).body().at("/details/networkBlocked").asBoolean()).isTrue();
		assertProblem(call(HttpMethod.PATCH, "/v1/" + lbName, this.partner, Map.of("ports", "many"), Map.of()), 400,
				"VALIDATION_FAILED");
		assertProblem(post("/v1/" + lbName + "/start", this.partner, null), 404, "NOT_FOUND");

		Response bucket = post(customerPath() + "/buckets", this.partner,
				Map.of("entitlement", this.entitlement, "sku", "products/object-storage/skus/standard"));
		assertThat(finished(bucket).text("/state")).isEqualTo("SUCCEEDED");
		assertThat(get(customerPath() + "/buckets", this.partner).body().get("buckets")).hasSize(1);

		assertThat(finished(call(HttpMethod.DELETE, "/v1/" + server, this.partner, null)).text("/state"))
			.isEqualTo("SUCCEEDED");
		assertThat(get("/v1/" + ipName, this.partner).body().at("/details/server").isMissingNode()).isTrue();
		assertThat(finished(call(HttpMethod.DELETE, "/v1/" + ipName, this.partner, null)).text("/state"))
			.isEqualTo("SUCCEEDED");
	}

	@Test
	void refusesResourcesThatCannotBeCreated() {
		assertProblem(
				post(customerPath() + "/servers", this.partner,
						Map.of("entitlement", this.entitlement, "sku", DISK_SKU, "image", "ubuntu-24.04")),
				400, "SKU_NOT_SERVER");
		assertProblem(
				post(customerPath() + "/servers", this.partner,
						Map.of("entitlement", "nope", "sku", SERVER_SKU, "image", "ubuntu-24.04")),
				404, "ENTITLEMENT_NOT_FOUND");
		assertProblem(post(customerPath() + "/servers", this.partner,
				Map.of("entitlement", this.entitlement, "sku", SERVER_SKU)), 400, "VALIDATION_FAILED");
		assertProblem(
				post(customerPath() + "/disks", this.partner, Map.of("entitlement", this.entitlement, "sku", DISK_SKU)),
				400, "VALIDATION_FAILED");
		assertProblem(post(customerPath() + "/servers", this.partner, "{\"sku\": 12"), 400, "MALFORMED_REQUEST");
		Response license = post(customerPath() + "/entitlements", this.partner,
				Map.of("offer", "offers/office-standard-flex", "billingAccount",
						"accounts/" + this.account + "/billingAccounts/demo-krw", "parameters",
						java.util.List.of(Map.of("name", "maxUnits", "value", 1))));
		assertProblem(post(customerPath() + "/servers", this.partner,
				Map.of("entitlement", license.text("/response/name"), "sku", SERVER_SKU, "image", "ubuntu-24.04")), 409,
				"ENTITLEMENT_NOT_IAAS");
		assertProblem(get(customerPath() + "/servers/nope", this.partner), 404, "SERVER_NOT_FOUND");
		assertProblem(post(customerPath() + "/servers/nope/stop", this.partner, null), 404, "SERVER_NOT_FOUND");
	}

	@Test
	void noOtherTenantReachesAnyResourcePath() {
		String server = runningServer("mine");
		Response disk = post(customerPath() + "/disks", this.partner,
				Map.of("entitlement", this.entitlement, "sku", DISK_SKU, "sizeGb", 10));
		String diskName = disk.text("/disk/name");
		finished(disk);
		String job = disk.text("/job/name");
		String base = customerPath();
		Map<String, Object> serverBody = Map.of("entitlement", this.entitlement, "sku", SERVER_SKU, "image", "x");
		Object[][] paths = { { HttpMethod.POST, base + "/servers", serverBody },
				{ HttpMethod.GET, base + "/servers", null }, { HttpMethod.GET, "/v1/" + server, null },
				{ HttpMethod.PATCH, "/v1/" + server, Map.of("displayName", "x") },
				{ HttpMethod.DELETE, "/v1/" + server, null }, { HttpMethod.POST, "/v1/" + server + "/stop", null },
				{ HttpMethod.POST, "/v1/" + server + "/start", null },
				{ HttpMethod.POST, "/v1/" + server + "/reboot", null },
				{ HttpMethod.POST, "/v1/" + server + "/reset-password", null },
				{ HttpMethod.POST, "/v1/" + server + "/resize", Map.of("sku", SERVER_SKU) },
				{ HttpMethod.POST, "/v1/" + server + "/block-network", null },
				{ HttpMethod.GET, "/v1/" + server + "/metrics?metric=cpu", null },
				{ HttpMethod.GET, "/v1/" + server + "/firewall-rules", null },
				{ HttpMethod.POST, "/v1/" + server + "/firewall-rules", Map.of("port", "22") },
				{ HttpMethod.GET, base + "/disks", null }, { HttpMethod.GET, "/v1/" + diskName, null },
				{ HttpMethod.POST, "/v1/" + diskName + "/attach", Map.of("server", server) },
				{ HttpMethod.DELETE, "/v1/" + diskName, null }, { HttpMethod.GET, base + "/snapshots", null },
				{ HttpMethod.GET, base + "/images", null }, { HttpMethod.GET, base + "/public-ips", null },
				{ HttpMethod.GET, base + "/load-balancers", null }, { HttpMethod.GET, base + "/buckets", null },
				{ HttpMethod.GET, base + "/jobs", null }, { HttpMethod.GET, "/v1/" + job, null },
				{ HttpMethod.GET, "/v1/accounts/" + this.account + "/jobs", null } };
		String otherPartner = TestTokens.partner("acct-other");
		String otherConsole = TestTokens.console(this.account, "someone-else");
		String foreignConsole = TestTokens.console("acct-other", this.customer);
		for (Object[] p : paths) {
			HttpMethod method = (HttpMethod) p[0];
			String path = (String) p[1];
			assertThat(call(method, path, otherPartner, p[2]).status()).as(method + " " + path).isEqualTo(403);
			assertThat(call(method, path, foreignConsole, p[2]).status()).as("console " + method + " " + path)
				.isEqualTo(403);
			// the account's job paths are the console's too (ConsoleJobsIT): not found,
			// or none
			if (!path.equals("/v1/accounts/" + this.account + "/jobs") && !path.equals("/v1/" + job)) {
				assertThat(call(method, path, otherConsole, p[2]).status()).as("other customer " + method + " " + path)
					.isEqualTo(403);
			}
		}
		assertThat(get("/v1/accounts/" + this.account + "/jobs", otherConsole).body().get("jobs")).isEmpty();
		assertThat(get("/v1/" + job, otherConsole).status()).isEqualTo(404);
		String mine = TestTokens.console(this.account, this.customer);
		assertThat(get(base + "/servers", mine).body().get("servers")).hasSize(1);
		assertThat(get("/v1/" + job, mine).status()).isEqualTo(200);
		assertThat(get("/v1/" + server, this.partner).text("/state")).isEqualTo("RUNNING");
		assertThat(get("/v1/" + diskName, this.partner).text("/state")).isEqualTo("ACTIVE");
		assertThat(finished(post("/v1/" + server + "/stop", mine, null)).text("/state")).isEqualTo("SUCCEEDED");
	}

	@Test
	void retriesJobsWhoseRunnerDiedAndFailsThemHonestlyInTheEnd() {
		String server = runningServer("orphan");
		String retried = strandedJob(server, "STOP_SERVER", "STOP", 1);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> get("/v1/" + retried, this.partner).text("/state").equals("SUCCEEDED"));
		assertThat(get("/v1/" + retried, this.partner).text("/finishTime")).isNotBlank();
		assertThat(get("/v1/" + server, this.partner).text("/state")).isEqualTo("STOPPED");

		String abandoned = strandedJob(server, "START_SERVER", "START", 3);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> get("/v1/" + abandoned, this.partner).text("/state").equals("FAILED"));
		assertThat(get("/v1/" + abandoned, this.partner).text("/error/code")).isEqualTo("JOB_TIMED_OUT");
		assertThat(get("/v1/" + server, this.partner).text("/state")).isEqualTo("STOPPED");
		consume("entitlement-events", abandoned, (e) -> e.at("/data/error/code").asString().equals("JOB_TIMED_OUT"));

		Response cpu = get("/v1/" + server + "/metrics?metric=cpu", this.partner);
		assertThat(cpu.status()).isEqualTo(200);
		assertThat(cpu.body().get("points")).hasSizeBetween(24, 25);
		assertProblem(get("/v1/" + server + "/metrics?metric=temperature", this.partner), 400, "VALIDATION_FAILED");
		Response docs = get("/v3/api-docs", null);
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.body().get("paths").propertyNames()).contains(
				"/v1/accounts/{accountId}/customers/{customerId}/servers/{id}/resize",
				"/v1/accounts/{accountId}/jobs/{jobId}");
	}

	/**
	 * A job a crashed runner left RUNNING an hour ago, after the given number of
	 * attempts.
	 */
	private String strandedJob(String resource, String type, String action, int attempts) {
		String id = java.util.UUID.randomUUID().toString();
		java.sql.Timestamp anHourAgo = java.sql.Timestamp.from(java.time.Instant.now().minus(Duration.ofHours(1)));
		this.jdbc.sql("""
				insert into job (account_id, id, customer_id, type, target, resource_id, state, requested_by, payload,
				    attempts, create_time, start_time)
				values (:account, :id, :customer, :type, :target, :resource, 'RUNNING', 'test', cast(:payload as jsonb),
				    :attempts, :at, :at)""")
			.param("account", this.account)
			.param("id", id)
			.param("customer", this.customer)
			.param("type", type)
			.param("target", resource)
			.param("resource", id(resource))
			.param("payload", "{\"action\": \"" + action + "\"}")
			.param("attempts", attempts)
			.param("at", anHourAgo)
			.update();
		return "accounts/" + this.account + "/jobs/" + id;
	}

	static String id(String name) {
		return name.substring(name.lastIndexOf('/') + 1);
	}

}
