package com.cloudpartner.billing;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import com.cloudpartner.support.test.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every statement of {@code UsageQueries} on real PostgreSQL, through the API: the month
 * roll-up when nothing changes inside the month, and the split path over billable hours,
 * billable days and usage records when a price version takes effect inside it (the path
 * whose SQL once read {@code u.entitlement_idwhere} and answered 500 for the rest of the
 * month). The batched read of a billing run is {@code BatchedBillingRunIT}'s.
 */
class UsageQueriesIT extends TimeTravelTest {

	@Test
	void ratesAMonthWhoseHourlyPriceChangesInsideItPartByPart() {
		publishOffer(this.sku, "seat-days", "DAY", "100", "3000");
		publishOffer(this.sku, "disk-gb", "GB", "2", "1");
		await().atMost(PATIENCE)
			.until(() -> this.jdbc.sql("select count(*) from price_book_entry where sku = :sku")
				.param("sku", this.sku)
				.query(Integer.class)
				.single() == 3);
		report(usage("c1", "srv-1", this.sku, "2025-11-03T01:00:00Z", "2025-11-03T11:00:00Z"),
				usage("c1", "srv-1", this.sku, "2025-11-20T01:00:00Z", "2025-11-20T06:00:00Z"),
				meter(usage("c1", "lic-1", this.sku, "2025-11-01T15:00:00Z", "2025-11-03T15:00:00Z"), "seat-days",
						"DAY", "1"),
				meter(usage("c1", "disk-1", this.sku, "2025-11-04T00:00:00Z", "2025-11-05T00:00:00Z"), "disk-gb", "GB",
						"1.25"),
				meter(usage("c1", "disk-1", this.sku, "2025-11-25T00:00:00Z", "2025-11-26T00:00:00Z"), "disk-gb", "GB",
						"2"));
		JsonNode before = monthToDate();
		// 15 h x 45 + 2 Seoul days x 100 + 3.25 GB x 2 (6.5 -> 7)
		assertThat(amount(before, "/costAtList")).isEqualTo("882");

		// an operator reprices the hour on the 15th (Seoul): from then on 60 an hour
		ObjectNode version = BillingClient.offer("offers/" + this.sku.replace('/', '-'), this.sku, "60", "30000",
				"2025-11-14T15:00:00Z");
		BillingClient.produce("entitlement-events", version.get("subject").asString(), version.toString());
		await().atMost(PATIENCE)
			.until(() -> this.jdbc.sql("select count(*) from price_book_entry where sku = :sku and meter = 'vm-hours'")
				.param("sku", this.sku)
				.query(Integer.class)
				.single() == 2);

		JsonNode after = monthToDate();
		// 10 h x 45 + 5 h x 60 = 750; 2 days x 100; 3.25 GB x 2 = 6.5
		assertThat(line(after, "vm-hours").at("/costAtList/amount").asString()).isEqualTo("750");
		assertThat(line(after, "vm-hours").at("/cost/amount").asString()).isEqualTo("600");
		assertThat(line(after, "vm-hours").get("quantity").asString()).isEqualTo("15");
		assertThat(line(after, "seat-days").at("/costAtList/amount").asString()).isEqualTo("200");
		assertThat(line(after, "seat-days").get("quantity").asString()).isEqualTo("2");
		assertThat(line(after, "disk-gb").at("/costAtList/amount").asString()).isEqualTo("7");
		assertThat(line(after, "disk-gb").get("quantity").asString()).isEqualTo("3.25");
		BillingClient.Response customer = this.client.get(
				"/v1/accounts/" + this.account + "/customers/c1/billing/current-month?month=2025-11",
				TestTokens.console(this.account, "c1"));
		assertThat(customer.status()).as(customer.raw()).isEqualTo(200);
		assertThat(customer.text("/customerCost/amount")).isEqualTo("957");

		JsonNode invoice = bill("2025-11", "2025-11-30T15:05:00Z");
		// cost 600 + 160 + 5.2 -> 5 = 765, VAT 76.5 -> 76
		assertTotals(invoice, "765", "0", "76", "841");
	}

	private static ObjectNode meter(ObjectNode event, String meter, String unit, String quantity) {
		((ObjectNode) event.get("data")).put("meter", meter).put("unit", unit).put("quantity", quantity);
		return event;
	}

	private JsonNode monthToDate() {
		BillingClient.Response response = this.client.get(
				"/v1/accounts/" + this.account + "/billing/current-month?month=2025-11",
				TestTokens.partner(this.account));
		assertThat(response.status()).as(response.raw()).isEqualTo(200);
		return response.body();
	}

	private static JsonNode line(JsonNode charges, String meter) {
		for (JsonNode line : charges.get("lines")) {
			if (line.get("meter").asString().equals(meter)) {
				return line;
			}
		}
		throw new AssertionError("no " + meter + " line in " + charges);
	}

	private static String amount(JsonNode node, String pointer) {
		return node.at(pointer + "/amount").asString();
	}

}
