package com.cloudpartner.billing;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import com.cloudpartner.billing.config.BillingClock;
import com.cloudpartner.billing.money.MoneyHistory;
import com.cloudpartner.billing.money.MoneyHistory.Usage;
import com.cloudpartner.billing.money.MoneyHistoryGenerator;
import com.cloudpartner.billing.money.MoneyModel;
import com.cloudpartner.support.test.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.cloudpartner.billing.BillingClient.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The money path against a reference model ({@link MoneyModel}): each generated history
 * ({@link MoneyHistoryGenerator}) is played through the service the way the other
 * services and partners would (partner and entitlement events on Kafka, usage through the
 * HTTP API in shuffled batches, repricing configs, credits and adjustments through the
 * API, billing runs at a moved billing clock), and every answer is held to the model to
 * the won: each batch's accepted, duplicates and refusals with their codes; the partner's
 * and each customer's month to date, and their charges per day (adding up to it, and
 * through each of several days the model's month to date of the usage started by then);
 * the month's invoices (lines, subtotal, credits, VAT, total); the export, whose rows add
 * up to the invoices; late usage on the next invoice; repeated runs issuing nothing.
 *
 * <p>
 * {@code ./mvnw verify} plays a fixed set of seeds; {@code -Dmoney.seeds=500} plays 500
 * (from {@code -Dmoney.firstSeed}, default 1), {@code -Dmoney.seed=N} one. A failing seed
 * is printed with its history, the command that replays it and, in those two modes (or
 * with {@code -Dmoney.shrink=true}), the smallest part of it found that still fails: its
 * credits and adjustments dropped when they are not needed, and as few usage events as a
 * bounded search finds.
 */
class MoneyPathIT extends BillingIntegrationTest {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private static final int CI_SEEDS = 8;

	@LocalServerPort
	int port;

	@Autowired
	BillingClock clock;

	@Autowired
	JdbcClient jdbc;

	@org.springframework.beans.factory.annotation.Value("${platform.billing.consumer-group}")
	String consumerGroup;

	private BillingClient client;

	@AfterEach
	void backToNow() {
		this.clock.reset();
	}

	@TestFactory
	Stream<DynamicTest> everyMonthRatesAsTheModelSays() {
		this.client = new BillingClient(this.port);
		String one = System.getProperty("money.seed");
		long first = Long.getLong("money.firstSeed", 1L);
		int count = Integer.getInteger("money.seeds", CI_SEEDS);
		LongStream seeds = (one != null) ? LongStream.of(Long.parseLong(one)) : LongStream.range(first, first + count);
		return seeds.mapToObj((seed) -> DynamicTest.dynamicTest("seed " + seed, () -> playSeed(seed)));
	}

	private void playSeed(long seed) {
		MoneyHistory history = new MoneyHistoryGenerator(seed, tag(seed)).generate();
		try {
			play(history);
		}
		catch (AssertionError | RuntimeException failure) {
			boolean longMode = System.getProperty("money.seeds") != null || System.getProperty("money.seed") != null;
			String shrunk = Boolean.parseBoolean(System.getProperty("money.shrink", String.valueOf(longMode)))
					? shrink(history) : "(run with -Dmoney.shrink=true)\n";
			throw new AssertionError("Money path seed " + seed + " failed: " + failure.getMessage()
					+ "\nReplay: ./mvnw verify -pl billing-service -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false"
					+ " -Dit.test=MoneyPathIT -Dfailsafe.failIfNoSpecifiedTests=false -Dmoney.seed=" + seed
					+ "\nHistory:\n" + history.describe() + "Smallest failing part:\n" + shrunk, failure);
		}
		finally {
			this.clock.reset();
		}
	}

	private static String tag(long seed) {
		return seed + "-" + UUID.randomUUID().toString().substring(0, 6);
	}

	/**
	 * Drops the credits and adjustments if the history fails without them, then usage
	 * events while it still fails (fresh accounts each try), at most 40 tries: what is
	 * left is the smallest failing history found.
	 */
	private String shrink(MoneyHistory history) {
		MoneyHistory failing = history;
		boolean ledgerNeeded = !fails(retag(history.withLedger(List.of(), List.of())));
		if (!ledgerNeeded) {
			failing = history.withLedger(List.of(), List.of());
		}
		List<Usage> usage = new ArrayList<>(failing.usage());
		int tries = 0;
		int chunk = Math.max(1, usage.size() / 2);
		while (chunk >= 1 && tries < 40) {
			boolean removed = false;
			for (int from = 0; from < usage.size() && tries < 40; from += chunk) {
				List<Usage> candidate = new ArrayList<>(usage);
				candidate.subList(from, Math.min(usage.size(), from + chunk)).clear();
				tries++;
				if (fails(retag(failing.withUsage(candidate)))) {
					usage = candidate;
					removed = true;
					break;
				}
			}
			if (!removed) {
				chunk /= 2;
			}
		}
		StringBuilder out = new StringBuilder(ledgerNeeded ? "  (fails only with its credits and adjustments)\n"
				: "  (fails without credits and adjustments)\n");
		out.append("  ").append(usage.size()).append(" usage events:\n");
		usage.forEach((u) -> out.append("    ").append(u).append('\n'));
		return out.toString();
	}

	private boolean fails(MoneyHistory history) {
		try {
			play(history);
			return false;
		}
		catch (AssertionError | RuntimeException ex) {
			return true;
		}
		finally {
			this.clock.reset();
		}
	}

	/** The same history under new account ids, so that it can be played again. */
	private static MoneyHistory retag(MoneyHistory history) {
		String old = history.partners().getFirst().accountId();
		// "mp-<tag>-a": the tag names the accounts, offers and products of the history
		String oldTag = old.substring("mp-".length(), old.length() - "-a".length());
		String json = JSON.writeValueAsString(history).replace(oldTag, tag(history.seed()));
		return JSON.readValue(json, MoneyHistory.class);
	}

	// --- the path ---

	private void play(MoneyHistory h) {
		MoneyModel model = new MoneyModel(h);
		YearMonth month = h.month();
		YearMonth next = month.plusMonths(1);
		Random order = new Random(h.seed());
		List<MoneyTimeline.Delivery> timeline = new ArrayList<>(MoneyTimeline.of(h));
		Map<String, Integer> rows = new LinkedHashMap<>();
		this.clock.setTo(h.monthStart().minus(Duration.ofDays(5)));
		deliver(h, timeline, h.monthStart(), rows);
		configureRepricing(h);

		// the month in a few moments, some right after a change: what is due by then is
		// told, usage whose window ended is sent (some of it later, out of order), and
		// both month-to-date views must be what the model says of the usage so far
		List<Instant> moments = moments(h, timeline, order);
		List<List<Usage>> due = schedule(h, moments, order);
		List<MoneyHistory.Credit> credits = new ArrayList<>(h.credits());
		Set<String> recorded = new HashSet<>();
		List<Usage> sent = new ArrayList<>();
		for (int i = 0; i < moments.size(); i++) {
			Instant moment = moments.get(i);
			grantCredits(credits, moment);
			this.clock.setTo(moment);
			deliver(h, timeline, moment, rows);
			sendUsage(h, model, due.get(i), order, recorded, sent);
			for (MoneyHistory.Partner partner : h.partners()) {
				assertMonthToDate(h, model, partner.accountId(), month, model.kept(sent));
			}
		}
		postAdjustments(h, false);
		sendUsage(h, model, wave(h, 1), order, recorded, sent);
		for (MoneyHistory.Partner partner : h.partners()) {
			assertMonthToDate(h, model, partner.accountId(), month, model.kept(sent));
		}

		List<Map<String, JsonNode>> firstInvoices = runAndCheck(h, model, month, sent, 0);

		this.clock.setTo(h.monthEnd().plus(Duration.ofDays(3)));
		sendUsage(h, model, wave(h, 2), order, recorded, sent);
		postAdjustments(h, true);
		// running the month again issues nothing and changes nothing
		rerun(h, month, firstInvoices);
		for (MoneyHistory.Partner partner : h.partners()) {
			assertMonthToDate(h, model, partner.accountId(), next, model.kept(sent));
		}
		List<Map<String, JsonNode>> secondInvoices = runAndCheck(h, model, next, sent, 1);
		rerun(h, next, secondInvoices);
		System.out.println(summary(h, model, sent, firstInvoices, secondInvoices, moments.size()));
	}

	/**
	 * The moments inside the month at which the test stops to send usage and read the
	 * month to date: up to three right after a change is told, one at random, and the
	 * month's end.
	 */
	private static List<Instant> moments(MoneyHistory h, List<MoneyTimeline.Delivery> timeline, Random order) {
		List<Instant> changes = new ArrayList<>(timeline.stream()
			.map(MoneyTimeline.Delivery::at)
			.filter((at) -> at.isAfter(h.monthStart()) && at.isBefore(h.monthEnd()))
			.distinct()
			.toList());
		Collections.shuffle(changes, order);
		java.util.TreeSet<Instant> moments = new java.util.TreeSet<>(changes.subList(0, Math.min(3, changes.size())));
		long minutes = Duration.between(h.monthStart(), h.monthEnd()).toMinutes();
		moments.add(h.monthStart().plus(Duration.ofMinutes(1 + order.nextLong(minutes - 1))));
		moments.add(h.monthEnd());
		return new ArrayList<>(moments);
	}

	/**
	 * The usage sent at each moment: an event (with its copies) once its window has
	 * ended, one in seven of them at a later moment.
	 */
	private static List<List<Usage>> schedule(MoneyHistory h, List<Instant> moments, Random order) {
		List<List<Usage>> due = new ArrayList<>();
		moments.forEach((m) -> due.add(new ArrayList<>()));
		Map<String, List<Usage>> byIdentity = new LinkedHashMap<>();
		wave(h, 0).forEach((u) -> byIdentity.computeIfAbsent(u.identity(), (k) -> new ArrayList<>()).add(u));
		for (List<Usage> copies : byIdentity.values()) {
			Instant end = copies.getFirst().end();
			int index = moments.size() - 1;
			for (int i = moments.size() - 1; i >= 0 && !moments.get(i).isBefore(end); i--) {
				index = i;
			}
			if (order.nextInt(7) == 0) {
				index += order.nextInt(moments.size() - index);
			}
			due.get(index).addAll(copies);
		}
		return due;
	}

	private static List<Usage> wave(MoneyHistory h, int wave) {
		return h.usage().stream().filter((u) -> u.wave() == wave).toList();
	}

	/**
	 * Sends the events of the timeline due by a moment and waits until billing's
	 * projections hold them; transfers last.
	 */
	private void deliver(MoneyHistory h, List<MoneyTimeline.Delivery> timeline, Instant until,
			Map<String, Integer> rows) {
		List<MoneyTimeline.Delivery> due = new ArrayList<>();
		while (!timeline.isEmpty() && !timeline.getFirst().at().isAfter(until)) {
			due.add(timeline.removeFirst());
		}
		for (boolean transfers : new boolean[] { false, true }) {
			List<MoneyTimeline.Delivery> now = due.stream().filter((d) -> d.transfer() == transfers).toList();
			if (now.isEmpty()) {
				continue;
			}
			for (String topic : List.of("partner-events", "entitlement-events")) {
				BillingClient.produceAll(topic,
						now.stream()
							.filter((d) -> d.topic().equals(topic))
							.map(MoneyTimeline.Delivery::event)
							.toList());
			}
			now.forEach((d) -> rows.merge(d.table(), d.rows(), Integer::sum));
			awaitRows(h, rows);
		}
	}

	private void awaitRows(MoneyHistory h, Map<String, Integer> rows) {
		String accounts = accountsOf(h);
		StringBuilder offers = new StringBuilder("{");
		h.offers().forEach((o) -> offers.append(offers.length() > 1 ? "," : "").append(o.offer()));
		offers.append('}');
		rows.forEach((table,
				count) -> awaitCount("select count(*) from " + table + " where "
						+ (table.equals(MoneyTimeline.PRICES) ? "offer" : "account_id") + " = any(cast(:a as text[]))",
						table.equals(MoneyTimeline.PRICES) ? offers.toString() : accounts, count));
	}

	/** One line per seed: what was played and what it cost, to see that seeds differ. */
	private static String summary(MoneyHistory h, MoneyModel model, List<Usage> sent, List<Map<String, JsonNode>> first,
			List<Map<String, JsonNode>> second, int moments) {
		Map<String, Integer> refusals = new java.util.TreeMap<>();
		sent.forEach((u) -> {
			String refusal = model.refusal(u);
			if (refusal != null) {
				refusals.merge(refusal, 1, Integer::sum);
			}
		});
		StringBuilder out = new StringBuilder("money path seed " + h.seed() + " " + h.month() + ": " + sent.size()
				+ " events, " + model.kept(sent).size() + " kept, refused " + refusals + ", month to date read at "
				+ moments + " moments;");
		first.getFirst()
			.forEach((a, i) -> out.append(" ")
				.append(a)
				.append(" ")
				.append(i.get("month").asString())
				.append(" total ")
				.append(i.at("/total/amount").asString())
				.append(" (")
				.append(i.get("lines").size())
				.append(" lines)"));
		second.getFirst()
			.forEach((a, i) -> out.append(" ")
				.append(a)
				.append(" ")
				.append(i.get("month").asString())
				.append(" total ")
				.append(i.at("/total/amount").asString())
				.append(" (")
				.append(i.get("lines").size())
				.append(" lines)"));
		return out.toString();
	}

	private void configureRepricing(MoneyHistory h) {
		for (MoneyHistory.Repricing config : h.repricings()) {
			Projections.customers(this.jdbc, config.accountId(), config.customerId());
		}
		for (MoneyHistory.Repricing config : h.repricings()) {
			ObjectNode body = JSON.createObjectNode()
				.put("rebillingBasis", config.basis())
				.put("adjustmentPercent", config.adjustmentPercent().toPlainString())
				.put("effectiveMonth", config.effectiveMonth().toString());
			ArrayNode overrides = body.putArray("skuGroupOverrides");
			for (MoneyHistory.SkuGroup override : config.overrides()) {
				ObjectNode o = overrides.addObject()
					.put("rebillingBasis", override.basis())
					.put("adjustmentPercent", override.adjustmentPercent().toPlainString());
				if (override.skuPrefix() != null) {
					o.put("skuPrefix", override.skuPrefix());
				}
				else {
					override.skus().forEach(o.putArray("skus")::add);
				}
			}
			BillingClient.Response response = this.client.put(
					"/v1/accounts/" + config.accountId() + "/customers/" + config.customerId() + "/repricing-config",
					TestTokens.partner(config.accountId()), body.toString());
			assertThat(response.status()).as(response.raw()).isEqualTo(200);
		}
	}

	/** Grants, each at its time, the credits not granted yet whose time has come. */
	private void grantCredits(List<MoneyHistory.Credit> pending, Instant until) {
		List<MoneyHistory.Credit> due = pending.stream().filter((c) -> !c.grantedAt().isAfter(until)).toList();
		pending.removeAll(due);
		for (MoneyHistory.Credit credit : due) {
			this.clock.setTo(credit.grantedAt());
			ObjectNode body = JSON.createObjectNode().put("type", credit.type());
			body.putObject("amount").put("currencyCode", "KRW").put("amount", credit.amount().toPlainString());
			if (credit.expireTime() != null) {
				body.put("expireTime", credit.expireTime().toString());
			}
			BillingClient.Response response = this.client.post("/v1/accounts/" + credit.accountId() + "/credits",
					TestTokens.operator(), body.toString());
			assertThat(response.status()).as(response.raw()).isEqualTo(201);
		}
	}

	private void postAdjustments(MoneyHistory h, boolean afterRun) {
		for (MoneyHistory.Adjustment adjustment : h.adjustments()) {
			if (adjustment.afterRun() != afterRun) {
				continue;
			}
			ObjectNode body = JSON.createObjectNode()
				.put("type", adjustment.type())
				.put("month", h.month().toString())
				.put("description", "model adjustment");
			body.putObject("amount").put("currencyCode", "KRW").put("amount", adjustment.amount().toPlainString());
			BillingClient.Response response = this.client.post(
					"/v1/accounts/" + adjustment.accountId() + "/adjustments", TestTokens.operator(), body.toString());
			assertThat(response.status()).as(response.raw()).isEqualTo(201);
		}
	}

	/**
	 * Sends usage in shuffled batches (each event's copies in one batch), holds every
	 * answer to the model, and waits until the consumer recorded it.
	 */
	private void sendUsage(MoneyHistory h, MoneyModel model, List<Usage> events, Random order, Set<String> recorded,
			List<Usage> sent) {
		Map<String, List<Usage>> byIdentity = new LinkedHashMap<>();
		events.forEach((u) -> byIdentity.computeIfAbsent(u.identity(), (k) -> new ArrayList<>()).add(u));
		List<List<Usage>> groups = new ArrayList<>(byIdentity.values());
		Collections.shuffle(groups, order);
		int from = 0;
		while (from < groups.size()) {
			int size = 1 + order.nextInt(Math.min(200, groups.size() - from));
			List<Usage> batch = new ArrayList<>();
			groups.subList(from, from + size).forEach(batch::addAll);
			Collections.shuffle(batch, order);
			from += size;
			send(h, model, batch, recorded);
			sent.addAll(batch);
		}
		// everything sent is on the usage topic once acknowledged: stored once the
		// consumer committed past it
		await().atMost(PATIENCE).until(() -> BillingClient.usageConsumed(this.consumerGroup));
	}

	private void send(MoneyHistory h, MoneyModel model, List<Usage> batch, Set<String> recorded) {
		Map<String, List<Usage>> byAccount = new LinkedHashMap<>();
		batch.forEach((u) -> byAccount.computeIfAbsent(u.accountId(), (a) -> new ArrayList<>()).add(u));
		byAccount.forEach((account, events) -> {
			ArrayNode body = JSON.createArrayNode();
			events.forEach((u) -> body.add(usageEvent(u)));
			MoneyModel.BatchAnswer expected = model.answer(events, recorded);
			BillingClient.Response response = this.client.post("/v1/usage-events", TestTokens.usageWriter(account),
					body.toString());
			assertThat(response.status()).as(response.raw()).isEqualTo(202);
			Map<String, String> rejected = new LinkedHashMap<>();
			response.body().get("rejected").forEach((r) -> {
				String reason = r.get("reason").asString();
				rejected.put(r.get("id").asString(), reason.substring(0, reason.indexOf(':')));
			});
			assertThat(rejected).as("refusals of a batch of %s: %s", account, response.raw())
				.containsExactlyInAnyOrderEntriesOf(expected.rejected());
			assertThat(response.body().get("accepted").asInt()).as("accepted of %s", response.raw())
				.isEqualTo(expected.accepted());
			assertThat(response.body().get("duplicates").asInt()).as("duplicates of %s", response.raw())
				.isEqualTo(expected.duplicates());
		});
	}

	private static ObjectNode usageEvent(Usage u) {
		ObjectNode event = BillingClient.example("usage.recorded");
		event.put("id", u.id()).put("source", u.source()).put("subject", u.resource());
		ObjectNode data = (ObjectNode) event.get("data");
		data.put("accountId", u.accountId())
			.put("customerId", u.customerId())
			.put("entitlementId", u.entitlementId())
			.put("sku", u.sku())
			.put("meter", u.meter())
			.put("unit", u.unit().name())
			.put("quantity", u.quantity().toPlainString())
			.put("windowStart", u.start().toString())
			.put("windowEnd", u.end().toString());
		return event;
	}

	// --- month to date ---

	private void assertMonthToDate(MoneyHistory h, MoneyModel model, String account, YearMonth month,
			List<Usage> kept) {
		MoneyModel.Rated expected = model.rate(account, month, kept);
		BillingClient.Response partner = this.client
			.get("/v1/accounts/" + account + "/billing/current-month?month=" + month, TestTokens.partner(account));
		assertThat(partner.status()).as(partner.raw()).isEqualTo(200);
		String what = "month to date of " + account + " in " + month;
		assertAmount(partner.body(), "costAtList", expected.total(MoneyModel.Line::costAtList), what);
		assertAmount(partner.body(), "cost", expected.total(MoneyModel.Line::cost), what);
		assertAmount(partner.body(), "customerCost", expected.total(MoneyModel.Line::customerCost), what);
		Map<String, String> actualLines = new java.util.TreeMap<>();
		partner.body().get("lines").forEach((l) -> actualLines.put(lineKey(l), lineValues(l, true)));
		Map<String, String> expectedLines = new java.util.TreeMap<>();
		expected.lines().values().forEach((l) -> expectedLines.put(key(account, l), values(l, true)));
		assertThat(actualLines).as(what).isEqualTo(expectedLines);
		assertThat(partner.body().has("unrated") ? partner.body().get("unrated").size() : 0)
			.as("unrated usage in " + partner.raw())
			.isZero();

		Set<String> customers = new java.util.TreeSet<>();
		h.entitlements()
			.stream()
			.filter((e) -> e.accountId().equals(account))
			.forEach((e) -> customers.add(e.customerId()));
		for (String customer : customers) {
			BillingClient.Response view = this.client.get(
					"/v1/accounts/" + account + "/customers/" + customer + "/billing/current-month?month=" + month,
					TestTokens.console(account, customer));
			assertThat(view.status()).as(view.raw()).isEqualTo(200);
			assertThat(view.raw()).as("the customer's view never shows the partner's cost").doesNotContain("\"cost\"");
			Map<String, String> mine = new java.util.TreeMap<>();
			view.body().get("lines").forEach((l) -> mine.put(lineKey(l), lineValues(l, false)));
			Map<String, String> expectedMine = new java.util.TreeMap<>();
			BigDecimal total = BigDecimal.ZERO;
			for (MoneyModel.Line line : expected.lines().values()) {
				if (line.customerId().equals(customer)) {
					expectedMine.put(key(account, line), values(line, false));
					total = total.add(line.customerCost());
				}
			}
			assertThat(mine).as("customer " + customer + "'s " + what).isEqualTo(expectedMine);
			assertAmount(view.body(), "customerCost", total, "customer " + customer + "'s " + what);
		}
		assertDays(h, model, account, month, kept, expected, customers);
	}

	// --- per day ---

	/**
	 * The partner's and each customer's charges per day (decision 0055): one entry per
	 * day through today (every day of a past month, and through the last day of usage
	 * reported ahead of time), the days adding up to the model's month to date, and the
	 * sum of the days through each day the model's month to date of only the usage that
	 * started before that day ended.
	 */
	private void assertDays(MoneyHistory h, MoneyModel model, String account, YearMonth month, List<Usage> kept,
			MoneyModel.Rated expected, Set<String> customers) {
		String what = "days of " + account + " in " + month;
		BillingClient.Response partner = this.client.get("/v1/accounts/" + account + "/billing/daily?month=" + month,
				TestTokens.partner(account));
		assertThat(partner.status()).as(partner.raw()).isEqualTo(200);
		List<JsonNode> days = new ArrayList<>();
		partner.body().get("days").forEach(days::add);
		java.time.LocalDate today = this.clock.instant().atZone(h.zone()).toLocalDate();
		int throughToday = YearMonth.from(today).isAfter(month) ? month.lengthOfMonth()
				: YearMonth.from(today).equals(month) ? today.getDayOfMonth() : 0;
		// usage sent before its window ended (held to the month's end) shows through its
		// last day
		int shown = shown(model, account, null, month, kept, throughToday);
		assertThat(days).as(what).hasSize(shown);
		for (int i = 0; i < shown; i++) {
			assertThat(days.get(i).get("date").asString()).as(what).isEqualTo(month.atDay(i + 1).toString());
		}
		Map<String, List<JsonNode>> customerDays = new LinkedHashMap<>();
		for (String customer : customers) {
			BillingClient.Response view = this.client.get(
					"/v1/accounts/" + account + "/customers/" + customer + "/billing/daily?month=" + month,
					TestTokens.console(account, customer));
			assertThat(view.status()).as(view.raw()).isEqualTo(200);
			assertThat(view.raw()).as("the customer's days never show the partner's cost")
				.doesNotContain("\"cost\"", "costAtList");
			List<JsonNode> mine = new ArrayList<>();
			view.body().get("days").forEach(mine::add);
			int mineShown = shown(model, account, customer, month, kept, throughToday);
			assertThat(mine).as("customer " + customer + "'s " + what).hasSize(mineShown);
			// shorter than the partner's when another customer's usage was reported
			// ahead: through a later day, all of its days count
			customerDays.put(customer, mine);
		}
		Map<String, java.util.function.Function<MoneyModel.Line, BigDecimal>> fields = Map.of("costAtList",
				MoneyModel.Line::costAtList, "cost", MoneyModel.Line::cost, "customerCost",
				MoneyModel.Line::customerCost);
		fields.forEach((field, amount) -> {
			assertThat(sumThrough(days, field, shown)).as(field + " of the " + what + " add up to the month to date")
				.isEqualByComparingTo(expected.total(amount));
			assertAmount(partner.body(), field, expected.total(amount), what);
		});
		customerDays.forEach((customer, mine) -> assertThat(sumThrough(mine, "customerCost", shown))
			.as("customer " + customer + "'s " + what + " add up to the month to date")
			.isEqualByComparingTo(customerTotal(expected, customer)));
		for (int day : daysToHold(h, month, shown)) {
			Instant end = month.atDay(day).plusDays(1).atStartOfDay(h.zone()).toInstant();
			MoneyModel.Rated through = model.rateThrough(account, month, kept, end);
			String upTo = what + " through day " + day;
			fields.forEach((field, amount) -> assertThat(sumThrough(days, field, day)).as(field + " of the " + upTo)
				.isEqualByComparingTo(through.total(amount)));
			customerDays.forEach((customer, mine) -> assertThat(sumThrough(mine, "customerCost", day))
				.as("customer " + customer + "'s " + upTo)
				.isEqualByComparingTo(customerTotal(through, customer)));
		}
	}

	/**
	 * The days whose month to date the model holds: the first and the last shown, every
	 * day on which a price, the supply discount or an entitlement changes, and two at
	 * random.
	 */
	private static Set<Integer> daysToHold(MoneyHistory h, YearMonth month, int shown) {
		Set<Integer> days = new java.util.TreeSet<>();
		if (shown == 0) {
			return days;
		}
		days.add(1);
		days.add(shown);
		List<Instant> changes = new ArrayList<>();
		h.offers().forEach((o) -> o.versions().forEach((v) -> changes.add(v.from())));
		h.partners().forEach((p) -> p.discounts().forEach((d) -> changes.add(d.from())));
		h.entitlements().forEach((e) -> e.versions().forEach((v) -> changes.add(v.from())));
		for (Instant change : changes) {
			java.time.LocalDate day = change.atZone(h.zone()).toLocalDate();
			if (YearMonth.from(day).equals(month) && day.getDayOfMonth() <= shown) {
				days.add(day.getDayOfMonth());
			}
		}
		Random random = new Random(h.seed() * 31 + shown);
		days.add(1 + random.nextInt(shown));
		days.add(1 + random.nextInt(shown));
		return days;
	}

	/**
	 * How many days a daily view shows: through today (all of a past month), and through
	 * the last day of the account's (customer's) usage reported ahead of time.
	 */
	private static int shown(MoneyModel model, String account, String customer, YearMonth month, List<Usage> kept,
			int throughToday) {
		java.time.LocalDate lastUsage = model.lastUsageDay(account, customer, month, kept);
		return Math.max(throughToday, (lastUsage != null) ? lastUsage.getDayOfMonth() : 0);
	}

	/**
	 * The sum of the first {@code count} days' amounts of a field (all of them when there
	 * are fewer).
	 */
	private static BigDecimal sumThrough(List<JsonNode> days, String field, int count) {
		BigDecimal sum = BigDecimal.ZERO;
		for (JsonNode day : days.subList(0, Math.min(count, days.size()))) {
			sum = sum.add(new BigDecimal(day.at("/" + field + "/amount").asString()));
		}
		return sum;
	}

	private static BigDecimal customerTotal(MoneyModel.Rated rated, String customer) {
		return rated.lines()
			.values()
			.stream()
			.filter((line) -> line.customerId().equals(customer))
			.map(MoneyModel.Line::customerCost)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private static String lineKey(JsonNode line) {
		return line.get("customer").asString() + "|" + line.get("sku").asString() + "|" + line.get("meter").asString();
	}

	private static String key(String account, MoneyModel.Line line) {
		return "accounts/" + account + "/customers/" + line.customerId() + "|" + line.sku() + "|" + line.meter();
	}

	private static String lineValues(JsonNode line, boolean partner) {
		String quantity = new BigDecimal(line.get("quantity").asString()).stripTrailingZeros().toPlainString();
		return partner
				? quantity + " " + line.at("/costAtList/amount").asString() + " " + line.at("/cost/amount").asString()
						+ " " + line.at("/customerCost/amount").asString()
				: quantity + " " + line.at("/customerCost/amount").asString();
	}

	private static String values(MoneyModel.Line line, boolean partner) {
		String quantity = line.quantity().stripTrailingZeros().toPlainString();
		return partner ? quantity + " " + plain(line.costAtList()) + " " + plain(line.cost()) + " "
				+ plain(line.customerCost()) : quantity + " " + plain(line.customerCost());
	}

	private static String plain(BigDecimal amount) {
		return amount.setScale(0, java.math.RoundingMode.UNNECESSARY).toPlainString();
	}

	private static void assertAmount(JsonNode node, String field, BigDecimal expected, String what) {
		assertThat(new BigDecimal(node.at("/" + field + "/amount").asString())).as(field + " of " + what)
			.isEqualByComparingTo(expected);
	}

	// --- billing runs, invoices and the export ---

	/**
	 * Runs the month at 00:05 of the 1st after it and holds each account's invoice and
	 * export to the model.
	 * @return the invoices as issued, per account (missing when none was expected)
	 */
	private List<Map<String, JsonNode>> runAndCheck(MoneyHistory h, MoneyModel model, YearMonth month, List<Usage> sent,
			int which) {
		this.clock.setTo(month.plusMonths(1).atDay(1).atStartOfDay(h.zone()).toInstant().plusSeconds(300));
		run(h, month);
		Map<String, JsonNode> issued = new LinkedHashMap<>();
		for (MoneyHistory.Partner partner : h.partners()) {
			String account = partner.accountId();
			MoneyModel.Invoice expected = model.invoices(account, sent).get(which);
			BillingClient.Response invoice = this.client
				.get(TimeTravelTest.invoicePath(account, "inv-" + month + "-" + account), TestTokens.partner(account));
			String what = "invoice of " + account + " for " + month;
			if (!expected.issued()) {
				assertThat(invoice.status()).as(what + " (nothing to charge): " + invoice.raw()).isEqualTo(404);
				continue;
			}
			assertThat(invoice.status()).as(what + ": " + invoice.raw()).isEqualTo(200);
			assertInvoice(account, expected, invoice.body(), what);
			assertExport(account, month, expected, invoice.body(), what);
			issued.put(account, invoice.body());
		}
		return List.of(issued);
	}

	private void run(MoneyHistory h, YearMonth month) {
		List<String> bodies = new ArrayList<>();
		if (h.runAll()) {
			bodies.add("{\"month\":\"" + month + "\"}");
		}
		else {
			h.partners()
				.forEach((p) -> bodies.add("{\"month\":\"" + month + "\",\"accountId\":\"" + p.accountId() + "\"}"));
		}
		for (String body : bodies) {
			BillingClient.Response started = this.client.post("/v1/billing-runs", TestTokens.operator(), body);
			assertThat(started.status()).as(started.raw()).isEqualTo(202);
			String path = "/v1/billing-runs/" + started.text("/id");
			await().atMost(PATIENCE)
				.until(() -> !"RUNNING".equals(this.client.get(path, TestTokens.operator()).text("/state")));
			BillingClient.Response done = this.client.get(path, TestTokens.operator());
			assertThat(done.text("/state")).as("billing run " + done.raw()).isEqualTo("SUCCEEDED");
		}
	}

	private static void assertInvoice(String account, MoneyModel.Invoice expected, JsonNode invoice, String what) {
		assertAmount(invoice, "subtotal", expected.subtotal(), what);
		assertAmount(invoice, "credits", expected.credits(), what);
		assertAmount(invoice, "tax", expected.tax(), what);
		assertAmount(invoice, "total", expected.total(), what);
		List<String> actual = new ArrayList<>();
		invoice.get("lines").forEach((l) -> actual.add(invoiceLine(l)));
		List<String> lines = new ArrayList<>();
		expected.lines().forEach((l) -> lines.add(invoiceLine(account, l)));
		assertThat(actual).as("lines of " + what).containsExactlyInAnyOrderElementsOf(lines);
	}

	private static String invoiceLine(JsonNode line) {
		String type = line.get("type").asString();
		if (type.equals("ADJUSTMENT")) {
			return type + " " + line.at("/cost/amount").asString();
		}
		return type + " " + line.get("usageMonth").asString() + " " + lineKey(line) + " " + lineValues(line, true);
	}

	private static String invoiceLine(String account, MoneyModel.InvoiceLine line) {
		if (line.type().equals("ADJUSTMENT")) {
			return line.type() + " " + plain(line.cost());
		}
		return line.type() + " " + line.usageMonth() + " accounts/" + account + "/customers/" + line.customerId() + "|"
				+ line.sku() + "|" + line.meter() + " " + line.quantity().stripTrailingZeros().toPlainString() + " "
				+ plain(line.costAtList()) + " " + plain(line.cost()) + " " + plain(line.customerCost());
	}

	/**
	 * The export of the month: all rows (cost plus credits) add up to the invoice's
	 * total; the rows of each regular line to that line, cost and customer cost; the
	 * applied credits' rows to the credits; the tax row to the VAT.
	 */
	private void assertExport(String account, YearMonth month, MoneyModel.Invoice expected, JsonNode invoice,
			String what) {
		BillingClient.Response export = this.client.get("/v1/accounts/" + account + "/billing-export?month=" + month,
				TestTokens.partner(account));
		assertThat(export.status()).as(export.raw()).isEqualTo(200);
		List<JsonNode> rows = export.raw().lines().map(JSON::readTree).toList();
		BigDecimal all = BigDecimal.ZERO;
		BigDecimal credits = BigDecimal.ZERO;
		BigDecimal tax = BigDecimal.ZERO;
		BigDecimal adjustments = BigDecimal.ZERO;
		Map<String, BigDecimal[]> regular = new java.util.TreeMap<>();
		for (JsonNode row : rows) {
			BigDecimal net = TimeTravelTest.netCost(row);
			all = all.add(net);
			String type = row.get("cost_type").asString();
			if (type.equals("regular") || type.equals("rounding error")) {
				BigDecimal customer = new BigDecimal(row.get("customer_cost").asString());
				for (JsonNode credit : row.get("credits")) {
					customer = customer.add(new BigDecimal(credit.get("customer_amount").asString()));
				}
				BigDecimal[] sums = regular.computeIfAbsent(
						row.get("customer_name").asString() + "|" + row.at("/sku/id").asString(),
						(k) -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
				sums[0] = sums[0].add(net);
				sums[1] = sums[1].add(customer);
			}
			else if (type.equals("tax")) {
				tax = tax.add(net);
			}
			else if (row.get("credits").isEmpty()) {
				adjustments = adjustments.add(net);
			}
			else {
				credits = credits.add(net);
			}
		}
		assertThat(all).as("export rows of " + what).isEqualByComparingTo(expected.total());
		assertThat(tax).as("tax rows of " + what).isEqualByComparingTo(expected.tax());
		assertThat(credits).as("credit rows of " + what).isEqualByComparingTo(expected.credits().negate());
		Map<String, BigDecimal[]> lines = new java.util.TreeMap<>();
		BigDecimal corrections = BigDecimal.ZERO;
		for (MoneyModel.InvoiceLine line : expected.lines()) {
			if (line.type().equals("REGULAR")) {
				BigDecimal[] sums = lines.computeIfAbsent(
						"accounts/" + account + "/customers/" + line.customerId() + "|" + line.sku(),
						(k) -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
				sums[0] = sums[0].add(line.cost());
				sums[1] = sums[1].add(line.customerCost());
			}
			else {
				corrections = corrections.add(line.cost());
			}
		}
		assertThat(adjustments).as("adjustment rows of " + what).isEqualByComparingTo(corrections);
		assertThat(regular.keySet()).as("regular rows of " + what).isEqualTo(lines.keySet());
		lines.forEach((key, sums) -> {
			assertThat(regular.get(key)[0]).as("cost rows of " + key + " in " + what).isEqualByComparingTo(sums[0]);
			assertThat(regular.get(key)[1]).as("customer cost rows of " + key + " in " + what)
				.isEqualByComparingTo(sums[1]);
		});
	}

	/** Runs a month again: the run succeeds and every invoice stays as it was. */
	private void rerun(MoneyHistory h, YearMonth month, List<Map<String, JsonNode>> before) {
		Instant now = this.clock.instant();
		run(h, month);
		for (MoneyHistory.Partner partner : h.partners()) {
			String account = partner.accountId();
			BillingClient.Response invoice = this.client
				.get(TimeTravelTest.invoicePath(account, "inv-" + month + "-" + account), TestTokens.partner(account));
			JsonNode first = before.getFirst().get(account);
			if (first == null) {
				assertThat(invoice.status()).as("a repeated run of " + month + " issues nothing: " + invoice.raw())
					.isEqualTo(404);
			}
			else {
				assertThat(invoice.body()).as("a repeated run of " + month + " changes nothing").isEqualTo(first);
			}
		}
		this.clock.setTo(now);
	}

	// --- helpers ---

	private void awaitCount(String sql, String parameter, int expected) {
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(this.jdbc.sql(sql).param("a", parameter).query(Integer.class).single())
				.as(sql + " [" + parameter + "]")
				.isEqualTo(expected));
	}

	private static String accountsOf(MoneyHistory h) {
		StringBuilder array = new StringBuilder("{");
		h.partners().forEach((p) -> array.append(array.length() > 1 ? "," : "").append(p.accountId()));
		return array.append('}').toString();
	}

}
