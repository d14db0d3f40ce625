package com.cloudpartner.entitlement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
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
import static org.assertj.core.api.Assertions.within;

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
		rewindMeterTo(firstHour);
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

		// the customer moves to another partner 20 minutes into the fourth hour; the
		// server sends 2 GB before and 3 GB after the instant
		String entitlementId = this.entitlement.substring(this.entitlement.lastIndexOf('/') + 1);
		String newAccount = this.account + "-new";
		// created at partner-service by the transfer's import (the stub knows remote-*)
		String newCustomer = "remote-moved-" + this.customer;
		Instant transferAt = later.plus(Duration.ofMinutes(10));
		countEgressAt(serverId, 2_000_000_000L, transferAt.minus(Duration.ofMinutes(5)));
		countEgressAt(serverId, 3_000_000_000L, transferAt.plus(Duration.ofMinutes(5)));
		this.tx.executeWithoutResult((status) -> this.transfer.moveResources(this.account, entitlementId, newAccount,
				newCustomer, "new-entitlement", transferAt));
		String moved = "accounts/" + newAccount + "/customers/" + newCustomer + "/servers/" + serverId;
		assertThat(get("/v1/" + moved, TestTokens.partner(newAccount)).text("/entitlement"))
			.endsWith("/entitlements/new-entitlement");
		this.meter.meterEndedHours(Clock.fixed(later.plus(Duration.ofHours(1)), ZoneOffset.UTC));

		// the hour it falls in is the old owner's started hour only: the new owner is
		// metered from the next hour
		Instant transferHour = firstHour.plus(Duration.ofHours(3));
		assertThat(usageIds(server, "vm-hours")).hasSize(4)
			.contains(HourlyMeter.eventId(server, "vm-hours", transferHour));
		assertThat(usageIds(moved, "vm-hours")).isEmpty();
		this.meter.meterEndedHours(Clock.fixed(later.plus(Duration.ofHours(2)), ZoneOffset.UTC));
		assertThat(usageIds(server, "vm-hours")).hasSize(4);
		assertThat(usageIds(moved, "vm-hours"))
			.containsExactly(HourlyMeter.eventId(moved, "vm-hours", transferHour.plus(Duration.ofHours(1))));
		assertThat(hourEventsPerHour(serverId, "vm-hours")).containsOnly(1L).hasSize(5);
		// a re-run over the transfer (a restart) publishes nothing of it again
		long records = usageRecordsOf(serverId) + usageRecordsOf(diskName.substring(diskName.lastIndexOf('/') + 1));
		rewindMeterTo(transferHour.minus(Duration.ofHours(2)));
		this.meter.meterEndedHours(Clock.fixed(later.plus(Duration.ofHours(2)), ZoneOffset.UTC));
		assertThat(usageRecordsOf(serverId) + usageRecordsOf(diskName.substring(diskName.lastIndexOf('/') + 1)))
			.isEqualTo(records);

		// disk-GB is split 20:40 at the instant and adds up to the whole hour's
		String movedDisk = "accounts/" + newAccount + "/customers/" + newCustomer + "/disks/"
				+ diskName.substring(diskName.lastIndexOf('/') + 1);
		BigDecimal whole = monthShare(new BigDecimal("100"), transferHour);
		BigDecimal before = quantity(diskName, "disk-gb", transferHour);
		BigDecimal after = quantity(movedDisk, "disk-gb", transferHour);
		assertThat(before.add(after)).isEqualByComparingTo(whole);
		assertThat(after).isCloseTo(
				whole.multiply(BigDecimal.valueOf(2)).divide(BigDecimal.valueOf(3), 9, RoundingMode.HALF_EVEN),
				within(new BigDecimal("0.000000002")));
		// egress goes to the owner that held the server when it was counted
		assertThat(quantity(server, "egress-gb", transferHour)).isEqualByComparingTo("2");
		assertThat(quantity(moved, "egress-gb", transferHour)).isEqualByComparingTo("3");
		assertThat(this.jdbc.sql("""
				select payload::jsonb #>> '{data,accountId}' from platform_outbox where topic = 'usage-events'
				and record_key = :key""").param("key", moved).query(String.class).list()).containsOnly(newAccount);
		assertThat(this.jdbc.sql("""
				select payload::jsonb #>> '{data,accountId}' from platform_outbox where topic = 'usage-events'
				and record_key = :key""").param("key", server).query(String.class).list()).containsOnly(this.account);
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
		assertThat(event.at("/data/location").asString()).isEqualTo("kr-central-1");
		assertThat(event.at("/data/labels").isMissingNode()).isTrue();
	}

	@Test
	void metersWhatABucketStoredAndTheRequestsItServedEachHour() {
		Response created = post(customerPath() + "/buckets", this.partner,
				Map.of("entitlement", this.entitlement, "sku", "products/object-storage/skus/standard"));
		assertThat(finished(created).text("/state")).isEqualTo("SUCCEEDED");
		String bucket = created.text("/bucket/name");
		String bucketId = created.text("/bucket/id");
		assertThat(get("/v1/" + bucket, this.partner).text("/location")).isEqualTo("kr-central-1");

		// 3 GB written in 1000 requests, then 1 GB deleted in 10: it held 3 GB at most
		// and
		// keeps 2 GB
		Response written = storage(bucketId, 3_000_000_000L, 0, 1000);
		assertThat(written.status()).as(written.body().toString()).isEqualTo(200);
		assertThat(written.body().get("storedBytes").asLong()).isEqualTo(3_000_000_000L);
		assertThat(storage(bucketId, 0, 1_000_000_000L, 10).body().get("storedBytes").asLong())
			.isEqualTo(2_000_000_000L);
		assertProblem(storage(bucketId, 0, 2_000_000_001L, 1), 409, "BUCKET_HOLDS_LESS");
		assertProblem(storage("no-such-bucket", 1, 0, 1), 404, "PROVIDER_RESOURCE_NOT_FOUND");
		assertProblem(
				post("/v1/provider/storage", TestTokens.operator(),
						Map.of("resource", bucketId, "bytesWritten", -1, "bytesDeleted", 0, "requests", 0)),
				400, "VALIDATION_FAILED");
		assertThat(post("/v1/provider/storage", this.partner,
				Map.of("resource", bucketId, "bytesWritten", 1, "bytesDeleted", 0, "requests", 0))
			.status()).isEqualTo(403);
		Instant active = this.jdbc.sql("select min(counted_at) from sim_bucket_usage where resource_id = :id")
			.param("id", bucketId)
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant()
			.truncatedTo(ChronoUnit.HOURS);
		Instant createdHour = Instant.parse(created.text("/bucket/createTime")).truncatedTo(ChronoUnit.HOURS);
		rewindMeterTo(createdHour);

		Clock later = Clock.fixed(active.plus(Duration.ofHours(3)).plus(Duration.ofMinutes(10)), ZoneOffset.UTC);
		this.meter.meterEndedHours(later);
		List<Instant> hours = List.of(active, active.plus(Duration.ofHours(1)), active.plus(Duration.ofHours(2)));
		assertThat(usageIds(bucket, "storage-gb")).containsExactlyInAnyOrderElementsOf(
				hours.stream().map((h) -> HourlyMeter.eventId(bucket, "storage-gb", h)).toList());
		assertThat(quantity(bucket, "storage-gb", hours.get(0)))
			.isEqualByComparingTo(monthShare(new BigDecimal("3"), hours.get(0)));
		assertThat(quantity(bucket, "storage-gb", hours.get(1)))
			.isEqualByComparingTo(monthShare(new BigDecimal("2"), hours.get(1)));
		assertThat(quantity(bucket, "storage-gb", hours.get(2)))
			.isEqualByComparingTo(monthShare(new BigDecimal("2"), hours.get(2)));
		// requests only where there were any
		assertThat(usageIds(bucket, "requests")).containsExactly(HourlyMeter.eventId(bucket, "requests", hours.get(0)));
		assertThat(quantity(bucket, "requests", hours.get(0))).isEqualByComparingTo("1010");
		this.meter.meterEndedHours(later);
		assertThat(usageIds(bucket, "storage-gb")).hasSize(3);
		assertThat(usageIds(bucket, "requests")).hasSize(1);

		JsonNode event = this.json.readTree(consume("usage-events", bucket,
				(e) -> e.get("id").asString().equals(HourlyMeter.eventId(bucket, "requests", hours.get(0))))
			.value());
		assertThat(event.at("/data/unit").asString()).isEqualTo("COUNT");
		assertThat(event.at("/data/sku").asString()).isEqualTo("products/object-storage/skus/standard");
		assertThat(event.at("/data/location").asString()).isEqualTo("kr-central-1");
		assertThat(this.jdbc.sql("""
				select distinct payload::jsonb #>> '{data,unit}' from platform_outbox where topic = 'usage-events'
				and record_key = :key and payload::jsonb #>> '{data,meter}' = 'storage-gb'""")
			.param("key", bucket)
			.query(String.class)
			.list()).containsExactly("GB");
	}

	/**
	 * Lets the next meter run start at the hour (other tests' runs may have metered later
	 * hours already; hours already metered are never published twice).
	 */
	private void rewindMeterTo(Instant hour) {
		this.jdbc.sql("""
				insert into metering_watermark (id, metered_to) values (1, :to)
				on conflict (id) do update set metered_to = excluded.metered_to""")
			.param("to", java.sql.Timestamp.from(hour.plus(Duration.ofHours(2))))
			.update();
	}

	/**
	 * Counts egress of a server at an instant of the simulated cloud's clock (the
	 * service's, moved there for the call).
	 */
	private void countEgressAt(String serverId, long bytes, Instant at) {
		this.clock.advance(Duration.between(this.clock.instant(), at));
		try {
			String operator = TestTokens.builder("local-operator", "partner-api", "operator", Duration.ofMinutes(15))
				.notBefore(Date.from(at.minusSeconds(60)))
				.issuedAt(Date.from(at.minusSeconds(60)))
				.expiration(Date.from(at.plus(Duration.ofMinutes(15))))
				.compact();
			Response counted = post("/v1/provider/traffic", operator, Map.of("resource", serverId, "bytes", bytes));
			assertThat(counted.status()).as(counted.body().toString()).isEqualTo(200);
		}
		finally {
			this.clock.reset();
		}
	}

	/**
	 * How many records of an HOUR meter each hour of a resource has, whatever its owner
	 * (billing counts started hours per resource name, so 1 each or a partner pays an
	 * hour another one also pays).
	 */
	private List<Long> hourEventsPerHour(String resourceId, String meter) {
		return this.jdbc.sql("""
				select count(*) from platform_outbox where topic = 'usage-events' and record_key like :key
				and payload::jsonb #>> '{data,meter}' = :meter group by payload::jsonb #>> '{data,windowStart}'""")
			.param("key", "%/" + resourceId)
			.param("meter", meter)
			.query(Long.class)
			.list();
	}

	/** All usage records of a resource, under any owner's name. */
	private long usageRecordsOf(String resourceId) {
		return this.jdbc
			.sql("select count(*) from platform_outbox where topic = 'usage-events' and record_key like :key")
			.param("key", "%/" + resourceId)
			.query(Long.class)
			.single();
	}

	private Response storage(String bucketId, long written, long deleted, long requests) {
		return post("/v1/provider/storage", TestTokens.operator(),
				Map.of("resource", bucketId, "bytesWritten", written, "bytesDeleted", deleted, "requests", requests));
	}

	private BigDecimal quantity(String subject, String meter, Instant hour) {
		return this.jdbc.sql("""
				select payload::jsonb #>> '{data,quantity}' from platform_outbox where topic = 'usage-events'
				and record_key = :key and payload::jsonb #>> '{data,meter}' = :meter
				and payload::jsonb #>> '{data,windowStart}' = :hour""")
			.param("key", subject)
			.param("meter", meter)
			.param("hour", hour.toString())
			.query((rs, n) -> new BigDecimal(rs.getString(1)))
			.single();
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
