package com.cloudpartner.entitlement;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.cloudpartner.entitlement.entitlement.ResourceTransfer;
import com.cloudpartner.entitlement.metering.HourlyMeter;
import com.cloudpartner.support.test.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class MeteringIT extends ResourcesITSupport {

	@Autowired
	HourlyMeter meter;

	@Autowired
	ResourceTransfer transfer;

	@Autowired
	TransactionTemplate tx;

	@Test
	void metersEachHourOfARunningServerOnceWithDeterministicIds() {
		String server = runningServer("metered");
		Response disk = post(customerPath() + "/disks", this.partner,
				Map.of("entitlement", this.entitlement, "sku", DISK_SKU, "sizeGb", 100));
		assertThat(finished(disk).text("/state")).isEqualTo("SUCCEEDED");
		String diskName = disk.text("/disk/name");
		String serverId = ResourcesIT.id(server);
		Response traffic = post("/v1/provider/traffic", TestTokens.operator(),
				Map.of("resource", serverId, "bytes", 1_500_000_000L));
		assertThat(traffic.status()).isEqualTo(200);

		Instant firstHour = this.jdbc.sql("select min(started_at) from usage_period where resource_id = :id")
			.param("id", serverId)
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant()
			.truncatedTo(ChronoUnit.HOURS);
		// the meter's own clock travels; the service's clock (and the tokens) stay in the
		// present
		Instant later = firstHour.plus(Duration.ofHours(3)).plus(Duration.ofMinutes(10));
		this.meter.meterEndedHours(Clock.fixed(later, ZoneOffset.UTC));

		List<String> serverIds = usageIds(server, "vm-hours");
		assertThat(serverIds).containsExactlyInAnyOrder(HourlyMeter.eventId(server, "vm-hours", firstHour),
				HourlyMeter.eventId(server, "vm-hours", firstHour.plus(Duration.ofHours(1))),
				HourlyMeter.eventId(server, "vm-hours", firstHour.plus(Duration.ofHours(2))));
		BigDecimal diskGb = quantities(diskName, "disk-gb").stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(quantities(diskName, "disk-gb")).hasSize(3);
		assertThat(diskGb).isGreaterThan(new BigDecimal("0.38")).isLessThan(new BigDecimal("0.43"));
		assertThat(quantities(server, "egress-gb")).containsExactly(new BigDecimal("1.5"));

		this.meter.meterEndedHours(Clock.fixed(later, ZoneOffset.UTC));
		assertThat(usageIds(server, "vm-hours")).hasSize(3);

		// the customer moves to another partner 20 minutes into the fourth hour: that
		// hour is the new owner's
		String entitlementId = this.entitlement.substring(this.entitlement.lastIndexOf('/') + 1);
		String newAccount = this.account + "-new";
		String newCustomer = "moved-" + this.customer;
		this.tx.executeWithoutResult((status) -> this.transfer.moveResources(this.account, entitlementId, newAccount,
				newCustomer, "new-entitlement", later.plus(Duration.ofMinutes(10))));
		String moved = "accounts/" + newAccount + "/customers/" + newCustomer + "/servers/" + serverId;
		assertThat(get("/v1/" + moved, TestTokens.partner(newAccount)).text("/entitlement"))
			.endsWith("/entitlements/new-entitlement");
		this.meter.meterEndedHours(Clock.fixed(later.plus(Duration.ofHours(1)), ZoneOffset.UTC));
		assertThat(usageIds(server, "vm-hours")).hasSize(3);
		assertThat(usageIds(moved, "vm-hours"))
			.containsExactly(HourlyMeter.eventId(moved, "vm-hours", firstHour.plus(Duration.ofHours(3))));
		assertThat(this.jdbc.sql("""
				select payload::jsonb #>> '{data,accountId}' from platform_outbox where topic = 'usage-events'
				and record_key = :key""").param("key", moved).query(String.class).list()).containsOnly(newAccount);
		assertThat(get("/v1/" + server, this.partner).status()).isEqualTo(404);

		ConsumerRecord<String, String> record = consume("usage-events", server,
				(e) -> e.get("id").asString().equals(serverIds.get(0)));
		JsonNode event = this.json.readTree(record.value());
		assertThat(event.get("type").asString()).isEqualTo("usage.recorded");
		assertThat(event.get("source").asString()).isEqualTo("/entitlement-service/metering");
		assertThat(event.get("subject").asString()).isEqualTo(server);
		assertThat(event.at("/data/accountId").asString()).isEqualTo(this.account);
		assertThat(event.at("/data/customerId").asString()).isEqualTo(this.customer);
		assertThat(event.at("/data/entitlementId").asString())
			.isEqualTo(this.entitlement.substring(this.entitlement.lastIndexOf('/') + 1));
		assertThat(event.at("/data/sku").asString()).isEqualTo(SERVER_SKU);
		assertThat(event.at("/data/unit").asString()).isEqualTo("HOUR");
		assertThat(event.at("/data/quantity").asString()).isEqualTo("1");
	}

	private List<String> usageIds(String subject, String meter) {
		return this.jdbc.sql("""
				select event_id from platform_outbox where topic = 'usage-events' and record_key = :key
				and payload::jsonb #>> '{data,meter}' = :meter""")
			.param("key", subject)
			.param("meter", meter)
			.query(String.class)
			.list();
	}

	private List<BigDecimal> quantities(String subject, String meter) {
		return this.jdbc.sql("""
				select payload::jsonb #>> '{data,quantity}' from platform_outbox where topic = 'usage-events'
				and record_key = :key and payload::jsonb #>> '{data,meter}' = :meter""")
			.param("key", subject)
			.param("meter", meter)
			.query((rs, n) -> new BigDecimal(rs.getString(1)))
			.list();
	}

}
