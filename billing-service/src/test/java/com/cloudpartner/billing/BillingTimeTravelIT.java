package com.cloudpartner.billing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import com.cloudpartner.billing.invoice.OverdueInvoices;
import com.cloudpartner.support.test.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;

import static com.cloudpartner.billing.BillingClient.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Time travel in Kill Bill's style: usage goes in through the API, the billing clock
 * moves to 00:05 on the 1st (Asia/Seoul), a billing run issues the invoice, and the test
 * asserts its exact lines. Each test has its own partner account and SKU (45 KRW an hour,
 * 30,000 a month, 20% supply discount).
 */
class BillingTimeTravelIT extends TimeTravelTest {

	@Autowired
	OverdueInvoices overdue;

	@Test
	void chargesTheMonthlyPriceForAServerUsedTheWholeMonth() {
		report(usage("c1", "srv-1", this.sku, "2025-10-31T15:00:00Z", "2025-11-30T15:00:00Z"));

		JsonNode invoice = bill("2025-11", "2025-11-30T15:05:00Z");

		assertLine(invoice.get("lines").get(0), "REGULAR", "720", "30000", "24000", "30000");
		assertTotals(invoice, "24000", "0", "2400", "26400");
		assertThat(invoice.get("issuedAt").asString()).isEqualTo("2025-11-30T15:05:00Z");
		assertThat(invoice.get("dueAt").asString()).isEqualTo("2025-12-30T15:00:00Z");
		assertThat(invoice.get("id").asString()).isEqualTo("inv-2025-11-" + this.account);
	}

	@Test
	void chargesTenHoursByTheHour() {
		report(usage("c1", "srv-1", this.sku, "2025-11-03T01:00:00Z", "2025-11-03T11:00:00Z"));

		JsonNode invoice = bill("2025-11", "2025-11-30T15:05:00Z");

		assertThat(invoice.get("lines")).hasSize(1);
		assertLine(invoice.get("lines").get(0), "REGULAR", "10", "450", "360", "450");
		assertTotals(invoice, "360", "0", "36", "396");
	}

	@Test
	void capsSevenHundredHoursAtTheMonthlyPrice() {
		report(usage("c1", "srv-1", this.sku, "2025-11-01T00:00:00Z", "2025-11-30T04:00:00Z"));

		JsonNode invoice = bill("2025-11", "2025-11-30T15:05:00Z");

		assertLine(invoice.get("lines").get(0), "REGULAR", "700", "30000", "24000", "30000");
	}

	@Test
	void splitsAServerCreatedOnTheThirtyFirstAtHalfPastElevenIntoTwoMonths() {
		// 2025-10-31 23:30 KST to 2025-11-01 02:00 KST: one started hour in October, two
		// in
		// November
		report(usage("c1", "srv-1", this.sku, "2025-10-31T14:30:00Z", "2025-10-31T17:00:00Z"));

		JsonNode october = bill("2025-10", "2025-10-31T15:05:00Z");
		JsonNode november = bill("2025-11", "2025-11-30T15:05:00Z");

		assertLine(october.get("lines").get(0), "REGULAR", "1", "45", "36", "45");
		assertLine(november.get("lines").get(0), "REGULAR", "2", "90", "72", "90");
	}

	@Test
	void chargesAResizeMidMonthAsTwoSkusEachByTheHour() {
		String large = this.sku + "-large";
		publishOffer(large, "90", "60000");
		report(usage("c1", "srv-1", this.sku, "2025-10-31T15:00:00Z", "2025-11-15T15:00:00Z"),
				usage("c1", "srv-1", large, "2025-11-15T15:00:00Z", "2025-11-30T15:00:00Z"));

		JsonNode invoice = bill("2025-11", "2025-11-30T15:05:00Z");

		assertThat(invoice.get("lines")).hasSize(2);
		assertLine(invoice.get("lines").get(0), "REGULAR", "360", "16200", "12960", "16200");
		assertLine(invoice.get("lines").get(1), "REGULAR", "360", "32400", "25920", "32400");
		assertTotals(invoice, "38880", "0", "3888", "42768");
	}

	@Test
	void chargesATransferMidMonthToEachOwnerByTheHour() {
		report(usage("c1", "srv-1", this.sku, "2025-10-31T15:00:00Z", "2025-11-15T15:00:00Z"),
				usage("c2", "srv-1", this.sku, "2025-11-15T15:00:00Z", "2025-11-30T15:00:00Z"));

		JsonNode invoice = bill("2025-11", "2025-11-30T15:05:00Z");

		assertThat(invoice.get("lines")).hasSize(2);
		assertThat(invoice.at("/lines/0/customer").asString()).endsWith("/customers/c1");
		assertThat(invoice.at("/lines/1/customer").asString()).endsWith("/customers/c2");
		assertLine(invoice.get("lines").get(0), "REGULAR", "360", "16200", "12960", "16200");
		assertLine(invoice.get("lines").get(1), "REGULAR", "360", "16200", "12960", "16200");
	}

	@Test
	void chargesADailyMeterPerStartedSeoulDayAndAWholeMonthAtTheMonthlyPrice() {
		String licence = this.sku + "-licence";
		publishOffer(licence, "licence-days", "DAY", "1000", "25000");
		ObjectNode shortUse = usage("c1", "lic-1", licence, "2025-11-03T14:30:00Z", "2025-11-03T15:30:00Z");
		ObjectNode wholeMonth = usage("c1", "lic-2", licence, "2025-10-31T15:00:00Z", "2025-11-30T15:00:00Z");
		for (ObjectNode event : java.util.List.of(shortUse, wholeMonth)) {
			((ObjectNode) event.get("data")).put("meter", "licence-days").put("unit", "DAY");
		}
		// lic-1: 23:30 on the 3rd to 00:30 on the 4th in Seoul, two started days (one in
		// UTC); lic-2: all 30 days of November, 30,000 at 1,000 a day, so the monthly
		// price
		report(shortUse, wholeMonth);

		JsonNode invoice = bill("2025-11", "2025-11-30T15:05:00Z");

		assertThat(invoice.get("lines")).hasSize(1);
		assertLine(invoice.get("lines").get(0), "REGULAR", "32", "27000", "21600", "27000");
		assertThat(invoice.at("/lines/0/meter").asString()).isEqualTo("licence-days");
		assertTotals(invoice, "21600", "0", "2160", "23760");
	}

	@Test
	void countsSevenHundredFortyFourHoursInADaylightSavingFreeSeoulMarch() {
		String cheap = this.sku + "-cheap";
		publishOffer(cheap, "40", "30000");
		// all 744 hours: the monthly price although 744 x 40 = 29,760; one hour less is
		// hourly
		report(usage("c1", "srv-1", cheap, "2025-02-28T15:00:00Z", "2025-03-31T15:00:00Z"),
				usage("c1", "srv-2", cheap, "2025-02-28T15:00:00Z", "2025-03-31T14:00:00Z"));

		JsonNode invoice = bill("2025-03", "2025-03-31T15:05:00Z");

		assertLine(invoice.get("lines").get(0), "REGULAR", "1487", "59720", "47776", "59720");
	}

	@Test
	void chargesLateUsageOnTheNextInvoiceAsACorrectionOfItsMonth() {
		report(usage("c1", "srv-1", this.sku, "2025-11-03T01:00:00Z", "2025-11-03T11:00:00Z"));
		JsonNode november = bill("2025-11", "2025-11-30T15:05:00Z");
		assertTotals(november, "360", "0", "36", "396");

		// two more November hours arrive after the invoice, and one December hour
		report(usage("c1", "srv-1", this.sku, "2025-11-04T01:00:00Z", "2025-11-04T03:00:00Z"),
				usage("c1", "srv-1", this.sku, "2025-12-02T01:00:00Z", "2025-12-02T02:00:00Z"));
		JsonNode december = bill("2025-12", "2025-12-31T15:05:00Z");

		assertThat(december.get("lines")).hasSize(2);
		assertLine(december.get("lines").get(0), "REGULAR", "1", "45", "36", "45");
		JsonNode correction = december.get("lines").get(1);
		assertLine(correction, "USAGE_CORRECTION", "2", "90", "72", "90");
		assertThat(correction.get("usageMonth").asString()).isEqualTo("2025-11");
		assertThat(correction.get("correctsInvoiceLine").asString()).isEqualTo("inv-2025-11-" + this.account + "/1");
		assertTotals(december, "108", "0", "10", "118");
		assertThat(this.client.get(invoicePath("inv-2025-11-" + this.account), TestTokens.partner(this.account))
			.text("/total/amount")).as("an issued invoice never changes").isEqualTo("396");
	}

	@Test
	void repeatingARunIssuesNothingTwice() {
		report(usage("c1", "srv-1", this.sku, "2025-11-03T01:00:00Z", "2025-11-03T11:00:00Z"));
		bill("2025-11", "2025-11-30T15:05:00Z");

		JsonNode again = run("2025-11");

		assertThat(again.get("invoicesIssued").asInt()).isZero();
		assertThat(again.get("state").asString()).isEqualTo("SUCCEEDED");
		assertThat(this.client.get("/v1/accounts/" + this.account + "/invoices", TestTokens.partner(this.account))
			.body()
			.get("invoices")).hasSize(1);
		List<String> issued = this.jdbc
			.sql("select payload from platform_outbox where topic = 'billing-events' and record_key = :key "
					+ "and payload like '%invoice.issued%'")
			.param("key", "accounts/" + this.account)
			.query(String.class)
			.list();
		assertThat(issued).hasSize(1);
		JsonNode event = JSON.readTree(issued.get(0));
		JsonNode documented = BillingClient.example("invoice.issued");
		assertThat(event.propertyNames())
			.containsAll(documented.propertyNames().stream().filter((name) -> !name.equals("traceparent")).toList());
		assertThat(event.get("data").propertyNames()).containsExactlyElementsOf(documented.get("data").propertyNames());
		assertThat(event.get("subject").asString())
			.isEqualTo("accounts/" + this.account + "/invoices/inv-2025-11-" + this.account);
	}

	@Test
	void aRunOverAllAccountsAppliesRepricingAdjustmentsAndCreditsAndRepeatsAsNothing() {
		// a run without an account filter reads which accounts have repricing,
		// adjustments
		// and credits once; those accounts must still get them
		this.clock.setTo(Instant.parse("2023-02-15T00:00:00Z"));
		assertThat(this.client
			.put("/v1/accounts/" + this.account + "/customers/c1/repricing-config", TestTokens.partner(this.account),
					"{\"rebillingBasis\":\"DIRECT_CUSTOMER_COST\",\"adjustmentPercent\":\"10\","
							+ "\"effectiveMonth\":\"2023-03\"}")
			.status()).isEqualTo(200);
		this.clock.setTo(Instant.parse("2023-03-10T00:00:00Z"));
		grantCredit("PROMOTION", "100", null);
		BillingClient.Response adjustment = this.client.post("/v1/accounts/" + this.account + "/adjustments",
				TestTokens.operator(), "{\"type\":\"GOODWILL\",\"amount\":{\"currencyCode\":\"KRW\","
						+ "\"amount\":\"-50\"},\"description\":\"sorry\"}");
		assertThat(adjustment.status()).as(adjustment.raw()).isEqualTo(201);
		report(usage("c1", "srv-1", this.sku, "2023-03-03T01:00:00Z", "2023-03-03T11:00:00Z"));
		this.clock.setTo(Instant.parse("2023-03-31T15:05:00Z"));

		JsonNode first = runAll("2023-03");
		JsonNode again = runAll("2023-03");

		assertThat(first.get("state").asString()).isEqualTo("SUCCEEDED");
		assertThat(again.get("invoicesIssued").asInt()).isZero();
		JsonNode invoice = this.client.get(invoicePath("inv-2023-03-" + this.account), TestTokens.partner(this.account))
			.body();
		// 450 at list, 360 cost, x 1.1 = 396 for the customer; -50 adjustment; 100 credit
		assertLine(invoice.get("lines").get(0), "REGULAR", "10", "450", "360", "396");
		assertThat(invoice.at("/lines/1/type").asString()).isEqualTo("ADJUSTMENT");
		assertTotals(invoice, "310", "100", "21", "231");
	}

	@Test
	void usesCreditsOldestFirstUpToTheSubtotalAndCarriesTheRestOver() {
		this.clock.setTo(Instant.parse("2025-11-10T00:00:00Z"));
		grantCredit("PROMOTION", "300", null);
		grantCredit("GOODWILL", "100", null);
		report(usage("c1", "srv-1", this.sku, "2025-11-03T01:00:00Z", "2025-11-03T11:00:00Z"),
				usage("c1", "srv-1", this.sku, "2025-12-02T01:00:00Z", "2025-12-02T11:00:00Z"));

		JsonNode november = bill("2025-11", "2025-11-30T15:05:00Z");
		JsonNode december = bill("2025-12", "2025-12-31T15:05:00Z");

		// 360 of cost: 300 of PROMOTION, then 60 of GOODWILL; 40 carried over
		assertTotals(november, "360", "360", "0", "0");
		assertThat(november.at("/appliedCredits/0/type").asString()).isEqualTo("PROMOTION");
		assertThat(november.at("/appliedCredits/1/amount/amount").asString()).isEqualTo("60");
		assertTotals(december, "360", "40", "32", "352");
	}

	@Test
	void paysWithTheChosenTaxDocumentAndFallsOverdueAfterTheDueDate() {
		String taxless = "notax-" + UUID.randomUUID().toString().substring(0, 8);
		approve(taxless);
		for (String acct : List.of(this.account, taxless)) {
			report(acct, usage(acct, "c1", "srv-1", this.sku, "2025-11-03T01:00:00Z", "2025-11-03T11:00:00Z"));
		}
		JsonNode paid = billAccount(this.account, "2025-11", "2025-11-30T15:05:00Z");
		JsonNode unpaid = billAccount(taxless, "2025-11", "2025-11-30T15:05:00Z");

		String pay = "{\"amount\":{\"currencyCode\":\"KRW\",\"amount\":\"396\"},\"method\":\"BANK_TRANSFER\","
				+ "\"document\":\"%s\"}";
		BillingClient.Response refused = this.client.post(
				invoicePath(taxless, unpaid.get("id").asString()) + "/payments", TestTokens.partner(taxless),
				pay.formatted("TAX_INVOICE"));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.text("/code")).isEqualTo("TAX_CONTACT_REQUIRED");
		BillingClient.Response accepted = this.client.post(
				invoicePath(this.account, paid.get("id").asString()) + "/payments", TestTokens.partner(this.account),
				pay.formatted("TAX_INVOICE"));
		assertThat(accepted.status()).as(accepted.raw()).isEqualTo(201);
		assertThat(accepted.text("/state")).isEqualTo("PAID");
		assertThat(accepted.text("/payments/0/document/type")).isEqualTo("TAX_INVOICE");
		assertThat(accepted.text("/payments/0/document/taxContact/email")).isEqualTo("tax@partner.example.com");

		this.clock.setTo(Instant.parse("2025-12-30T14:59:59Z"));
		this.overdue.markOverdue();
		assertThat(this.client.get(invoicePath(taxless, unpaid.get("id").asString()), TestTokens.partner(taxless))
			.text("/state")).isEqualTo("ISSUED");
		this.clock.setTo(Instant.parse("2025-12-30T15:00:01Z"));
		this.overdue.markOverdue();
		assertThat(this.client.get(invoicePath(taxless, unpaid.get("id").asString()), TestTokens.partner(taxless))
			.text("/state")).isEqualTo("OVERDUE");
		assertThat(
				this.client.get(invoicePath(this.account, paid.get("id").asString()), TestTokens.partner(this.account))
					.text("/state"))
			.isEqualTo("PAID");
		assertThat(this.jdbc
			.sql("select count(*) from platform_outbox where topic = 'billing-events' and record_key = :key "
					+ "and payload like '%invoice.overdue%'")
			.param("key", "accounts/" + taxless)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void exportsRowsThatAddUpToTheInvoiceLineByLine() {
		String gb = this.sku + "-gb";
		ObjectNode offer = BillingClient.offer("offers/" + gb.replace('/', '-'), gb, "12.5", "1",
				"2020-01-01T00:00:00Z");
		ObjectNode price = (ObjectNode) offer.at("/data/prices/0");
		price.put("meter", "egress-gb").put("unit", "GB");
		BillingClient.produce("entitlement-events", offer.get("subject").asString(), offer.toString());
		await().atMost(PATIENCE)
			.until(() -> this.jdbc.sql("select count(*) from price_book_entry where sku = :s")
				.param("s", gb)
				.query(Integer.class)
				.single() > 0);
		ObjectNode customer = BillingClient.example("customer.created");
		customer.put("subject", "accounts/" + this.account + "/customers/c1");
		((ObjectNode) customer.get("data")).put("accountId", this.account).put("customerId", "c1");
		BillingClient.produce("partner-events", "accounts/" + this.account, customer.toString());
		List<ObjectNode> traffic = new java.util.ArrayList<>();
		for (String resource : List.of("lb-1", "lb-2", "lb-3")) {
			ObjectNode event = usage("c1", resource, gb, "2025-11-05T00:00:00Z", "2025-11-05T01:00:00Z");
			((ObjectNode) event.get("data")).put("meter", "egress-gb").put("unit", "GB").put("quantity", "0.3333");
			traffic.add(event);
		}
		report(traffic.toArray(ObjectNode[]::new));
		ObjectNode tenHours = usage("c1", "srv-1", this.sku, "2025-11-03T01:00:00Z", "2025-11-03T11:00:00Z");
		((ObjectNode) tenHours.get("data")).put("location", "kr-central-1a")
			.set("labels", JSON.createObjectNode().put("env", "prod").put("team", "web"));
		// srv-2: 700 hours, capped at the monthly price
		report(tenHours, usage("c1", "srv-2", this.sku, "2025-10-31T15:00:00Z", "2025-11-29T19:00:00Z"));
		await().atMost(PATIENCE)
			.until(() -> this.jdbc.sql("select count(*) from customer where account_id = :a and correlation_id = :c")
				.param("a", this.account)
				.param("c", "crm-1001")
				.query(Integer.class)
				.single() == 1);
		this.clock.setTo(Instant.parse("2025-11-20T00:00:00Z"));
		grantCredit("PROMOTION", "100", "2026-01-01T00:00:00Z");
		JsonNode invoice = bill("2025-11", "2025-11-30T15:05:00Z");

		BillingClient.Response ndjson = this.client
			.get("/v1/accounts/" + this.account + "/billing-export?month=2025-11", TestTokens.partner(this.account));
		assertThat(ndjson.status()).isEqualTo(200);
		List<JsonNode> rows = ndjson.raw().lines().map(JSON::readTree).toList();
		java.math.BigDecimal total = java.math.BigDecimal.ZERO;
		Instant last = Instant.EPOCH;
		for (JsonNode row : rows) {
			total = total.add(new java.math.BigDecimal(row.get("cost").asString()));
			for (JsonNode credit : row.get("credits")) {
				total = total.add(new java.math.BigDecimal(credit.get("amount").asString()));
			}
			Instant exported = Instant.parse(row.get("export_time").asString());
			assertThat(exported).isAfter(last);
			last = exported;
			assertThat(row.at("/invoice/month").asString()).isEqualTo("202511");
			assertThat(row.has("customer_correlation_id")).isTrue();
		}
		assertThat(total).isEqualByComparingTo(invoice.at("/total/amount").asString());
		for (JsonNode line : invoice.get("lines")) {
			java.math.BigDecimal sum = rows.stream()
				.filter((row) -> line.get("sku").asString().equals(row.at("/sku/id").asString()))
				.map(BillingTimeTravelIT::netCost)
				.reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
			assertThat(sum).as(line.toString()).isEqualByComparingTo(line.at("/cost/amount").asString());
		}
		// hourly windows: srv-1's 10 hours at 45 x 0.8 = 36 each, srv-2's 700 hours at 36
		// and its cap: 30,000 x 0.8 = 24,000 instead of 25,200, a credit of -1,200
		List<JsonNode> srv1 = rows.stream()
			.filter((row) -> row.at("/resource/name").asString().endsWith("/servers/srv-1"))
			.toList();
		assertThat(srv1).hasSize(10).allSatisfy((row) -> {
			assertThat(row.get("cost").asString()).isEqualTo("36");
			assertThat(java.time.Duration.between(Instant.parse(row.get("usage_start_time").asString()),
					Instant.parse(row.get("usage_end_time").asString())))
				.isEqualTo(java.time.Duration.ofHours(1));
			assertThat(row.at("/location/location").asString()).isEqualTo("kr-central-1a");
			assertThat(row.at("/location/region").asString()).isEqualTo("kr-central-1");
			assertThat(row.at("/location/zone").asString()).isEqualTo("kr-central-1a");
			assertThat(row.at("/location/country").asString()).isEqualTo("KR");
			assertThat(row.at("/labels/0/key").asString()).isEqualTo("env");
			assertThat(row.at("/labels/1/value").asString()).isEqualTo("web");
			assertThat(row.get("customer_correlation_id").asString()).isEqualTo("crm-1001");
			assertThat(row.at("/project/name").asString()).isEqualTo("Alice Kim");
		});
		assertThat(srv1.get(0).get("usage_start_time").asString()).isEqualTo("2025-11-03T01:00:00Z");
		List<JsonNode> srv2 = rows.stream()
			.filter((row) -> row.at("/resource/name").asString().endsWith("/servers/srv-2"))
			.toList();
		assertThat(srv2).filteredOn((row) -> row.get("credits").isEmpty()).hasSize(700);
		assertThat(srv2).filteredOn((row) -> !row.get("credits").isEmpty()).singleElement().satisfies((row) -> {
			assertThat(row.at("/credits/0/type").asString()).isEqualTo("SUSTAINED_USAGE_DISCOUNT");
			assertThat(row.at("/credits/0/amount").asString()).isEqualTo("-1200");
			assertThat(row.at("/credits/0/customer_amount").asString()).isEqualTo("-1500");
		});

		// 3 x 0.3333 GB x 12.5 x 0.8 = 9.999 -> 10, but 3 resources of 3.333 -> 3 each
		assertThat(rows).anySatisfy((row) -> {
			assertThat(row.get("cost_type").asString()).isEqualTo("rounding error");
			assertThat(row.get("cost").asString()).isEqualTo("1");
		});
		assertThat(rows).filteredOn((row) -> row.get("cost_type").asString().equals("tax")).hasSize(1);

		// a deleted customer is remembered, so the months billed before still export it
		ObjectNode deleted = BillingClient.example("customer.deleted");
		((ObjectNode) deleted.get("data")).put("accountId", this.account).put("customerId", "c1");
		BillingClient.produce("partner-events", "accounts/" + this.account, deleted.toString());
		await().atMost(PATIENCE)
			.until(() -> this.jdbc.sql("select count(*) from customer where account_id = :a and deleted_at is not null")
				.param("a", this.account)
				.query(Integer.class)
				.single() == 1);
		assertThat(this.client
			.get("/v1/accounts/" + this.account + "/billing-export?month=2025-11", TestTokens.partner(this.account))
			.raw()).contains("\"customer_correlation_id\":\"crm-1001\"");

		BillingClient.Response csv = this.client
			.get("/v1/accounts/" + this.account + "/billing-export?month=2025-11&format=csv", TestTokens.operator());
		assertThat(csv.raw().lines().count()).isEqualTo(rows.size() + 1);
		assertThat(csv.raw().lines().findFirst().orElseThrow())
			.startsWith("billing_account_id,payer_billing_account_id,invoice.month");
		BillingClient.Response schema = this.client.get("/v1/billing-export/schema", TestTokens.partner(this.account));
		List<String> columns = new java.util.ArrayList<>();
		schema.body().forEach((field) -> columns.add(field.get("name").asString()));
		assertThat(columns).containsAll(rows.get(0).propertyNames());
		assertThat(rows.get(0).propertyNames()).containsAll(columns);
	}

	@Test
	void repricesACustomerFromTheConfigsEffectiveMonth() {
		this.clock.setTo(Instant.parse("2025-10-15T00:00:00Z"));
		String path = "/v1/accounts/" + this.account + "/customers/c1/repricing-config";
		String config = "{\"rebillingBasis\":\"DIRECT_CUSTOMER_COST\",\"adjustmentPercent\":\"10\","
				+ "\"effectiveMonth\":\"%s\",\"skuGroupOverrides\":[{\"skuPrefix\":\"products/other/\","
				+ "\"rebillingBasis\":\"COST_AT_LIST\",\"adjustmentPercent\":\"0\"}]}";
		BillingClient.Response past = this.client.put(path, TestTokens.partner(this.account),
				config.formatted("2025-09"));
		assertThat(past.status()).isEqualTo(422);
		assertThat(past.text("/code")).isEqualTo("EFFECTIVE_MONTH_IN_PAST");
		BillingClient.Response invalid = this.client.put(path, TestTokens.partner(this.account),
				config.formatted("2025-11").replace("DIRECT_CUSTOMER_COST", "MARKUP"));
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.text("/errors/0/field")).isEqualTo("rebillingBasis");
		assertThat(this.client.put(path, TestTokens.partner(this.account), config.formatted("2025-11")).status())
			.isEqualTo(200);
		assertThat(this.client.get(path, TestTokens.partner(this.account)).text("/skuGroupOverrides/0/skuPrefix"))
			.isEqualTo("products/other/");
		report(usage("c1", "srv-1", this.sku, "2025-10-03T01:00:00Z", "2025-10-03T11:00:00Z"),
				usage("c1", "srv-1", this.sku, "2025-11-03T01:00:00Z", "2025-11-03T11:00:00Z"));

		String view = "/v1/accounts/" + this.account + "/customers/c1/billing/current-month?month=";
		BillingClient.Response october = this.client.get(view + "2025-10", TestTokens.console(this.account, "c1"));
		BillingClient.Response november = this.client.get(view + "2025-11", TestTokens.console(this.account, "c1"));

		assertThat(october.text("/customerCost/amount")).as("list price before the config").isEqualTo("450");
		// 450 x 0.8 = 360, x 1.1 = 396
		assertThat(november.text("/customerCost/amount")).isEqualTo("396");
		assertThat(november.body().at("/lines/0").has("cost")).as("never the partner's cost").isFalse();
		assertThat(bill("2025-11", "2025-11-30T15:05:00Z").at("/lines/0/customerCost/amount").asString())
			.isEqualTo("396");
	}

	@Test
	void grantsACreditOncePerIdempotencyKey() {
		String path = "/v1/accounts/" + this.account + "/credits";
		String body = "{\"type\":\"GOODWILL\",\"amount\":{\"currencyCode\":\"KRW\",\"amount\":\"500\"}}";

		BillingClient.Response first = this.client.post(path, TestTokens.operator(), body, "key-1");
		BillingClient.Response again = this.client.post(path, TestTokens.operator(), body, "key-1");
		BillingClient.Response other = this.client.post(path, TestTokens.operator(), body.replace("500", "600"),
				"key-1");

		assertThat(first.status()).isEqualTo(201);
		assertThat(again.status()).isEqualTo(201);
		assertThat(again.text("/id")).isEqualTo(first.text("/id"));
		assertThat(other.status()).isEqualTo(422);
		assertThat(other.text("/code")).isEqualTo("IDEMPOTENCY_KEY_REUSED");
		assertThat(this.jdbc.sql("select count(*) from credit where account_id = :a")
			.param("a", this.account)
			.query(Integer.class)
			.single()).isEqualTo(1);
		BillingClient.Response wrongCurrency = this.client.post(path, TestTokens.operator(),
				body.replace("KRW", "USD"));
		assertThat(wrongCurrency.status()).isEqualTo(400);
		assertThat(wrongCurrency.text("/errors/0/field")).isEqualTo("amount.currencyCode");
		assertThat(this.client.post(path, TestTokens.partner(this.account), body).status()).isEqualTo(403);
	}

}
