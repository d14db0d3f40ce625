package com.cloudpartner.entitlement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.cloudpartner.entitlement.metering.HourlyMeter;
import com.cloudpartner.support.test.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.cloudpartner.entitlement.EntitlementLifecycleIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * A customer moves from partner A to partner B (DOMAIN.md section 3): token naming B's
 * public id, import, transferable SKUs and offers, transfer; A's entitlement ends at the
 * transfer instant and B's begins at it.
 */
class TransferIT extends IntegrationTestSupport {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	HourlyMeter meter;

	@Test
	void movesACustomersEntitlementsToTheNewPartnerWithASingleUseToken() throws Exception {
		String id = UUID.randomUUID().toString().substring(0, 8);
		String a = "acct-a-" + id;
		String b = "acct-b-" + id;
		String c = UUID.randomUUID().toString();
		approvePartner(a, "PA-" + id, c);
		approvePartner(b, "PB-" + id);
		String old = post("/v1/accounts/" + a + "/customers/" + c + "/entitlements", TestTokens.partner(a),
				Map.of("offer", "offers/iaas-payg", "billingAccount", "accounts/" + a + "/billingAccounts/demo-krw"))
			.text("/response/name");
		assertThat(post("/v1/accounts/" + a + "/customers/" + c + "/entitlements", TestTokens.partner(a),
				Map.of("offer", "offers/office-standard-flex", "billingAccount",
						"accounts/" + a + "/billingAccounts/demo-krw", "parameters",
						List.of(Map.of("name", "maxUnits", "value", 2))))
			.status()).isEqualTo(202);

		String tokens = "/v1/accounts/" + a + "/customers/" + c + "/transfer-tokens";
		assertProblem(post(tokens, TestTokens.partner(a), Map.of("targetPartnerPublicId", "NOBODY")), 404,
				"PARTNER_NOT_FOUND");
		assertThat(post(tokens, TestTokens.partner(b), Map.of("targetPartnerPublicId", "PB-" + id)).status())
			.isEqualTo(403);
		assertThat(post(tokens, TestTokens.console(a, "another"), Map.of("targetPartnerPublicId", "PB-" + id)).status())
			.isEqualTo(403);
		Response issued = post(tokens, TestTokens.console(a, c), Map.of("targetPartnerPublicId", "PB-" + id));
		assertThat(issued.status()).isEqualTo(201);
		String token = issued.text("/token");
		assertThat(Duration.between(Instant.now(), Instant.parse(issued.text("/expireTime"))).toDays()).isEqualTo(13);

		String imports = "/v1/accounts/" + b + "/customers/import";
		assertProblem(post("/v1/accounts/" + a + "/customers/import", TestTokens.partner(a),
				Map.of("transferToken", token, "userId", "u1")), 404, "TRANSFER_TOKEN_NOT_FOUND");
		assertThat(post(imports, TestTokens.partner(a), Map.of("transferToken", token, "userId", "u1")).status())
			.isEqualTo(403);
		Response imported = post(imports, TestTokens.partner(b), Map.of("transferToken", token, "userId", "bob"));
		assertThat(imported.status()).as(imported.body().toString()).isEqualTo(201);
		assertThat(imported.text("/transferredFrom")).isEqualTo("accounts/" + a + "/customers/" + c);
		String newCustomer = imported.text("/id");
		assertThat(post(imports, TestTokens.partner(b), Map.of("transferToken", token, "userId", "bob")).text("/id"))
			.isEqualTo(newCustomer);

		String base = "/v1/accounts/" + b + "/customers/" + newCustomer;
		Response skus = get(base + "/transferable-skus", TestTokens.partner(b));
		assertThat(skus.text("/transferableSkus/0/sku")).isEqualTo("products/iaas/skus/payg");
		assertThat(skus.body().at("/transferableSkus/0/transferEligibility/isEligible").asBoolean()).isTrue();
		assertThat(get(base + "/transferable-skus", TestTokens.partner(a)).status()).isEqualTo(403);
		Response offers = get(base + "/transferable-offers?sku=products/iaas/skus/payg&billingAccount=accounts/" + b
				+ "/billingAccounts/demo-krw", TestTokens.partner(b));
		assertThat(offers.body().get("transferableOffers").findValuesAsString("name")).contains("offers/iaas-payg");
		assertThat(get(base + "/transferable-offers?sku=products/iaas/skus/payg", TestTokens.partner(a)).status())
			.isEqualTo(403);
		Response firstSku = get(base + "/transferable-skus?pageSize=1", TestTokens.partner(b));
		assertThat(firstSku.text("/transferableSkus/0/sku")).isEqualTo("products/iaas/skus/payg");
		assertThat(firstSku.body().get("transferableSkus")).hasSize(1);
		Response secondSku = get(base + "/transferable-skus?pageSize=1&pageToken=" + firstSku.text("/nextPageToken"),
				TestTokens.partner(b));
		assertThat(secondSku.body().get("transferableSkus").findValuesAsString("sku"))
			.containsExactly("products/office-suite/skus/standard");
		assertThat(secondSku.text("/nextPageToken")).isEmpty();
		assertProblem(get(base + "/transferable-skus?pageToken=garbage!", TestTokens.partner(b)), 400,
				"INVALID_PAGE_TOKEN");
		assertProblem(get(base + "/transferable-offers?sku=products/iaas/skus/payg&pageToken=garbage!",
				TestTokens.partner(b)), 400, "INVALID_PAGE_TOKEN");
		List<String> offerPages = new ArrayList<>();
		String page = "";
		do {
			Response offersPage = get(
					base + "/transferable-offers?sku=products/iaas/skus/payg&pageSize=1&pageToken=" + page,
					TestTokens.partner(b));
			assertThat(offersPage.body().get("transferableOffers").size()).isLessThanOrEqualTo(1);
			offersPage.body().get("transferableOffers").forEach((o) -> offerPages.add(o.at("/offer/name").asString()));
			page = offersPage.text("/nextPageToken");
		}
		while (!page.isEmpty());
		List<String> allOffers = new ArrayList<>();
		offers.body().get("transferableOffers").forEach((o) -> allOffers.add(o.at("/offer/name").asString()));
		assertThat(offerPages).containsExactlyElementsOf(allOffers).doesNotHaveDuplicates();

		Map<String, Object> body = Map.of("transferToken", token, "entitlements", List
			.of(Map.of("offer", "offers/iaas-payg", "billingAccount", "accounts/" + b + "/billingAccounts/demo-krw")));
		assertThat(post(base + "/transfer-entitlements", TestTokens.partner(a), body).status()).isEqualTo(403);
		Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
		Response moved = call(HttpMethod.POST, base + "/transfer-entitlements", TestTokens.partner(b), body, key);
		assertThat(moved.status()).as(moved.body().toString()).isEqualTo(202);
		assertThat(moved.text("/metadata/type")).isEqualTo("TRANSFER_ENTITLEMENTS");
		assertThat(call(HttpMethod.POST, base + "/transfer-entitlements", TestTokens.partner(b), body, key).body())
			.isEqualTo(moved.body());
		String fresh = moved.text("/response/entitlements/0/name");
		assertThat(fresh).startsWith("accounts/" + b + "/customers/" + newCustomer + "/entitlements/");
		assertThat(get("/v1/" + fresh, TestTokens.partner(b)).text("/state")).isEqualTo("ACTIVE");
		assertThat(get("/v1/" + old, TestTokens.partner(a)).text("/state")).isEqualTo("CANCELLED");
		assertProblem(post(base + "/transfer-entitlements", TestTokens.partner(b), body), 409, "TRANSFER_TOKEN_USED");

		JsonNode transferred = this.json
			.readTree(consume("entitlement-events", fresh,
					(e) -> e.get("type").asString().equals("entitlement.transferred"))
				.value())
			.get("data");
		assertThat(transferred.get("fromEntitlement").asString()).isEqualTo(old);
		assertThat(transferred.get("toAccountId").asString()).isEqualTo(b);
		JsonNode cancelled = this.json
			.readTree(
					consume("entitlement-events", old, (e) -> e.get("type").asString().equals("entitlement.cancelled"))
						.value())
			.get("data");
		assertThat(cancelled.get("reason").asString()).isEqualTo("TRANSFERRED");
		assertThat(cancelled.get("updateTime").asString()).isEqualTo(transferred.get("transferTime").asString());
	}

	@Test
	void theResourcesFollowTheCustomerWithTheirQuotasJobsAndUsage() throws Exception {
		String id = UUID.randomUUID().toString().substring(0, 8);
		String a = "acct-a-" + id;
		String b = "acct-b-" + id;
		String c = UUID.randomUUID().toString();
		approvePartner(a, "PA-" + id, c);
		approvePartner(b, "PB-" + id);
		String pa = TestTokens.partner(a);
		String aBase = "/v1/accounts/" + a + "/customers/" + c;
		String old = post(aBase + "/entitlements", pa,
				Map.of("offer", "offers/iaas-payg", "billingAccount", "accounts/" + a + "/billingAccounts/demo-krw"))
			.text("/response/name");
		Response server = post(aBase + "/servers", pa, Map.of("entitlement", old, "sku", ResourcesITSupport.SERVER_SKU,
				"image", "ubuntu-24.04", "displayName", "web"));
		assertThat(finished(server, pa).text("/state")).isEqualTo("SUCCEEDED");
		Response disk = post(aBase + "/disks", pa,
				Map.of("entitlement", old, "sku", ResourcesITSupport.DISK_SKU, "sizeGb", 1500));
		assertThat(finished(disk, pa).text("/state")).isEqualTo("SUCCEEDED");
		String oldServer = server.text("/server/name");
		String serverId = server.text("/server/id");
		String diskId = disk.text("/disk/id");
		String token = post(aBase + "/transfer-tokens", TestTokens.console(a, c),
				Map.of("targetPartnerPublicId", "PB-" + id))
			.text("/token");
		String newCustomer = post("/v1/accounts/" + b + "/customers/import", TestTokens.partner(b),
				Map.of("transferToken", token, "userId", "carol"))
			.text("/id");
		String bBase = "/v1/accounts/" + b + "/customers/" + newCustomer;
		Map<String, Object> body = Map.of("transferToken", token, "entitlements", List
			.of(Map.of("offer", "offers/iaas-payg", "billingAccount", "accounts/" + b + "/billingAccounts/demo-krw")));

		// a transfer does not overtake a job in progress on a moving resource
		String running = UUID.randomUUID().toString();
		this.jdbc
			.sql("""
					insert into job (account_id, id, customer_id, type, target, resource_id, state, requested_by, attempts,
					    create_time, start_time) values (:a, :id, :c, 'STOP_SERVER', :target, :resource, 'RUNNING', 'test', 1,
					    now(), now())""")
			.param("a", a)
			.param("id", running)
			.param("c", c)
			.param("target", oldServer)
			.param("resource", serverId)
			.update();
		assertProblem(post(bBase + "/transfer-entitlements", TestTokens.partner(b), body), 409, "RESOURCE_BUSY");
		this.jdbc.sql("delete from job where id = :id").param("id", running).update();
		// the service's clock moves two hours on, so the resources have hours under A
		this.clock.advance(Duration.ofHours(2));
		try {
			String pb = partnerAt(b);
			String paNow = partnerAt(a);
			Response moved = post(bBase + "/transfer-entitlements", pb, body);
			assertThat(moved.status()).as(moved.body().toString()).isEqualTo(202);
			String fresh = moved.text("/response/entitlements/0/name");
			Instant transferAt = Instant.parse(get("/v1/" + fresh, pb).text("/createTime"));

			// the new partner sees and operates them, the old one gets 404
			String newServer = bBase + "/servers/" + serverId;
			Response seen = get(newServer, pb);
			assertThat(seen.text("/name")).isEqualTo(newServer.substring(4));
			assertThat(seen.text("/entitlement")).isEqualTo(fresh);
			assertThat(get(bBase + "/servers", pb).body().get("servers").findValuesAsString("id"))
				.containsExactly(serverId);
			assertThat(get(bBase + "/disks/" + diskId, pb).status()).isEqualTo(200);
			assertProblem(get("/v1/" + oldServer, paNow), 404, "SERVER_NOT_FOUND");
			assertProblem(post("/v1/" + oldServer + "/stop", paNow, null), 404, "SERVER_NOT_FOUND");
			assertProblem(get(aBase + "/disks/" + diskId, paNow), 404, "DISK_NOT_FOUND");
			assertThat(get(aBase + "/servers", paNow).body().get("servers")).isEmpty();
			Response stopped = post(newServer + "/stop", pb, null);
			assertThat(finished(stopped, pb).text("/state")).isEqualTo("SUCCEEDED");
			assertThat(get(newServer, pb).text("/state")).isEqualTo("STOPPED");

			// the job history went with them
			List<String> targets = get(bBase + "/jobs?pageSize=500", pb).body()
				.get("jobs")
				.findValuesAsString("target");
			assertThat(targets).contains(newServer.substring(4)).allMatch((t) -> t.startsWith(bBase.substring(4)));
			// CREATE_SERVER under A, STOP_SERVER under B
			assertThat(targets.stream().filter(newServer.substring(4)::equals)).hasSize(2);
			assertThat(get(aBase + "/jobs", paNow).body().get("jobs")).isEmpty();
			assertThat(get("/v1/" + server.text("/job/name"), paNow).status()).isEqualTo(404);

			// quotas count against the new owner: its 1500 GB disk leaves 500 GB of 2000
			Response over = post(bBase + "/disks", pb,
					Map.of("entitlement", fresh, "sku", ResourcesITSupport.DISK_SKU, "sizeGb", 1000));
			assertThat(finished(over, pb).text("/error/code")).isEqualTo("QUOTA_EXCEEDED");
			String again = post(aBase + "/entitlements", paNow, Map.of("offer", "offers/iaas-payg", "billingAccount",
					"accounts/" + a + "/billingAccounts/demo-krw"))
				.text("/response/name");
			Response freed = post(aBase + "/disks", paNow,
					Map.of("entitlement", again, "sku", ResourcesITSupport.DISK_SKU, "sizeGb", 1000));
			assertThat(finished(freed, paNow).text("/state")).isEqualTo("SUCCEEDED");

			// hours up to the transfer instant are A's, including the hour it falls in (a
			// started hour for HOUR meters, disk-GB split at the instant); B's start at
			// the
			// next hour
			Instant firstHour = Instant.parse(server.text("/server/createTime")).truncatedTo(ChronoUnit.HOURS);
			Instant transferHour = transferAt.truncatedTo(ChronoUnit.HOURS);
			Instant nextHour = transferHour.plus(Duration.ofHours(1));
			this.jdbc.sql("""
					insert into metering_watermark (id, metered_to) values (1, :to)
					on conflict (id) do update set metered_to = excluded.metered_to""")
				.param("to", Timestamp.from(firstHour.plus(Duration.ofHours(2))))
				.update();
			this.meter.meterEndedHours(Clock.fixed(transferHour.plus(Duration.ofMinutes(70)), ZoneOffset.UTC));
			List<Instant> before = new ArrayList<>();
			for (Instant h = firstHour; h.isBefore(transferHour); h = h.plus(Duration.ofHours(1))) {
				before.add(h);
			}
			assertThat(before).hasSizeGreaterThanOrEqualTo(2);
			String oldEntitlementId = old.substring(old.lastIndexOf('/') + 1);
			String freshId = fresh.substring(fresh.lastIndexOf('/') + 1);
			List<Instant> upToTransfer = new ArrayList<>(before);
			upToTransfer.add(transferHour);
			assertThat(usage(oldServer, "vm-hours")).extracting(Usage::windowStart)
				.containsExactlyInAnyOrderElementsOf(upToTransfer);
			assertThat(usage(oldServer, "vm-hours")).allMatch((u) -> u.accountId().equals(a) && u.customerId().equals(c)
					&& u.entitlementId().equals(oldEntitlementId));
			assertThat(usage(newServer.substring(4), "vm-hours")).isEmpty();
			this.meter.meterEndedHours(Clock.fixed(nextHour.plus(Duration.ofMinutes(70)), ZoneOffset.UTC));
			assertThat(usage(oldServer, "vm-hours")).extracting(Usage::windowStart)
				.containsExactlyInAnyOrderElementsOf(upToTransfer);
			assertThat(usage(newServer.substring(4), "vm-hours"))
				.containsExactly(new Usage(b, newCustomer, freshId, nextHour));
			String oldDisk = aBase.substring(4) + "/disks/" + diskId;
			Instant diskHour = Instant.parse(disk.text("/disk/createTime")).truncatedTo(ChronoUnit.HOURS);
			assertThat(usage(oldDisk, "disk-gb")).extracting(Usage::windowStart)
				.containsExactlyInAnyOrderElementsOf(
						upToTransfer.stream().filter((h) -> !h.isBefore(diskHour)).toList());
			assertThat(usage(oldDisk, "disk-gb")).allMatch((u) -> u.accountId().equals(a));
			String newDisk = bBase.substring(4) + "/disks/" + diskId;
			assertThat(usage(newDisk, "disk-gb")).containsExactlyInAnyOrder(
					new Usage(b, newCustomer, freshId, transferHour), new Usage(b, newCustomer, freshId, nextHour));
			BigDecimal whole = monthShare(new BigDecimal("1500"), transferHour);
			BigDecimal partOfA = quantity(oldDisk, transferHour);
			BigDecimal partOfB = quantity(newDisk, transferHour);
			assertThat(partOfA.add(partOfB)).isEqualByComparingTo(whole);
			BigDecimal heldByA = BigDecimal.valueOf(Duration.between(transferHour, transferAt).toMillis())
				.divide(BigDecimal.valueOf(3_600_000), 12, RoundingMode.HALF_EVEN);
			assertThat(partOfA).isCloseTo(whole.multiply(heldByA), within(new BigDecimal("0.000001")));
			JsonNode published = this.json.readTree(consume("usage-events", newServer.substring(4),
					(e) -> e.at("/data/meter").asString().equals("vm-hours"))
				.value());
			assertThat(published.at("/data/accountId").asString()).isEqualTo(b);
			assertThat(published.get("id").asString())
				.isEqualTo(HourlyMeter.eventId(newServer.substring(4), "vm-hours", nextHour));
		}
		finally {
			this.clock.reset();
		}
	}

	/** Waits for the job of an accepted change to finish and answers it. */
	private Response finished(Response accepted, String token) {
		assertThat(accepted.status()).as(String.valueOf(accepted.body())).isEqualTo(202);
		String job = accepted.body().has("job") ? accepted.text("/job/name") : accepted.text("/name");
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			String state = get("/v1/" + job, token).text("/state");
			return state.equals("SUCCEEDED") || state.equals("FAILED");
		});
		return get("/v1/" + job, token);
	}

	private List<Usage> usage(String resourceName, String meter) {
		return this.jdbc.sql("""
				select payload::jsonb #>> '{data,accountId}', payload::jsonb #>> '{data,customerId}',
				    payload::jsonb #>> '{data,entitlementId}', payload::jsonb #>> '{data,windowStart}'
				from platform_outbox where topic = 'usage-events' and record_key = :key
				and payload::jsonb #>> '{data,meter}' = :meter""")
			.param("key", resourceName)
			.param("meter", meter)
			.query((rs, n) -> new Usage(rs.getString(1), rs.getString(2), rs.getString(3),
					Instant.parse(rs.getString(4))))
			.list();
	}

	private BigDecimal quantity(String resourceName, Instant hour) {
		return this.jdbc.sql("""
				select payload::jsonb #>> '{data,quantity}' from platform_outbox where topic = 'usage-events'
				and record_key = :key and payload::jsonb #>> '{data,meter}' = 'disk-gb'
				and payload::jsonb #>> '{data,windowStart}' = :hour""")
			.param("key", resourceName)
			.param("hour", hour.toString())
			.query((rs, n) -> new BigDecimal(rs.getString(1)))
			.single();
	}

	record Usage(String accountId, String customerId, String entitlementId, Instant windowStart) {

	}

	@Test
	void refusesAnExpiredToken() throws Exception {
		String id = UUID.randomUUID().toString().substring(0, 8);
		String a = "acct-a-" + id;
		String b = "acct-b-" + id;
		String c = UUID.randomUUID().toString();
		approvePartner(a, "PA-" + id, c);
		approvePartner(b, "PB-" + id);
		String token = post("/v1/accounts/" + a + "/customers/" + c + "/transfer-tokens", TestTokens.partner(a),
				Map.of("targetPartnerPublicId", "PB-" + id))
			.text("/token");
		try {
			this.clock.advance(Duration.ofDays(14).plusMinutes(1));
			assertProblem(post("/v1/accounts/" + b + "/customers/import", partnerAt(b),
					Map.of("transferToken", token, "userId", "late")), 409, "TRANSFER_TOKEN_EXPIRED");
		}
		finally {
			this.clock.reset();
		}
	}

}
