package com.cloudpartner.billing.rating;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RatingEngineTests {

	private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

	private static final BillingMonth NOVEMBER = new BillingMonth(YearMonth.of(2026, 11), SEOUL);

	private static final String SKU = "products/server-basic/skus/basic-2vcpu-4gb";

	private static final String OFFER = "offers/server-basic-2vcpu-4gb-monthly";

	private static final Instant JANUARY = Instant.parse("2026-01-01T00:00:00Z");

	private static final Contract KRW_20 = new Contract(new BigDecimal("20"), "KRW");

	private final RatingEngine engine = new RatingEngine();

	@Test
	void chargesStartedHoursAtListPriceLessTheSupplyDiscount() {
		RatingResult result = rate(KRW_20, List.of(hourly("45", "30000")), hours("c1", "srv-1", 3));

		assertThat(result.lines()).singleElement().satisfies((line) -> {
			assertThat(line.customerId()).isEqualTo("c1");
			assertThat(line.quantity()).isEqualByComparingTo("3");
			assertThat(line.costAtList()).isEqualTo(new BigDecimal("135"));
			assertThat(line.cost()).isEqualTo(new BigDecimal("108"));
			assertThat(line.customerCost()).isEqualTo(new BigDecimal("135"));
		});
		assertThat(result.currencyCode()).isEqualTo("KRW");
		assertThat(result.cost()).isEqualTo(new BigDecimal("108"));
	}

	@Test
	void capsAPartialMonthAtTheMonthlyPrice() {
		RatingResult result = rate(KRW_20, List.of(hourly("45", "30000")), hours("c1", "srv-1", 700));

		assertThat(result.costAtList()).isEqualTo(new BigDecimal("30000"));
		assertThat(result.cost()).isEqualTo(new BigDecimal("24000"));
	}

	@Test
	void chargesAPartialMonthByTheHourBelowTheCap() {
		RatingResult result = rate(KRW_20, List.of(hourly("45", "30000")), hours("c1", "srv-1", 100));

		assertThat(result.costAtList()).isEqualTo(new BigDecimal("4500"));
	}

	@Test
	void chargesAWholeMonthExactlyTheMonthlyPriceEvenWhenHoursCostLess() {
		// November in Seoul has 720 hours: 720 x 40 = 28800, but a whole month costs
		// 30000
		RatingResult result = rate(KRW_20, List.of(hourly("40", "30000")), hours("c1", "srv-1", 720));

		assertThat(result.lines()).singleElement().satisfies((line) -> {
			assertThat(line.quantity()).isEqualByComparingTo("720");
			assertThat(line.costAtList()).isEqualTo(new BigDecimal("30000"));
		});
	}

	@Test
	void chargesEachResourceSeparatelyAndSumsThemInOneLine() {
		RatingResult result = rate(KRW_20, List.of(hourly("45", "30000")), hours("c1", "srv-1", 720),
				hours("c1", "srv-2", 10));

		assertThat(result.lines()).singleElement().satisfies((line) -> {
			assertThat(line.quantity()).isEqualByComparingTo("730");
			assertThat(line.costAtList()).isEqualTo(new BigDecimal("30450"));
		});
	}

	@Test
	void doesNotCapWithoutAMonthlyPrice() {
		RatingResult result = rate(KRW_20, List.of(hourly("45", null)), hours("c1", "srv-1", 720));

		assertThat(result.costAtList()).isEqualTo(new BigDecimal("32400"));
	}

	@Test
	void chargesDailyMetersPerStartedDayWithTheSameCap() {
		PriceVersion daily = new PriceVersion(OFFER, SKU, "ip-days", MeterUnit.DAY, new BigDecimal("1100"), "KRW",
				new BigDecimal("30000"), JANUARY);
		RatingResult partial = rate(KRW_20, List.of(daily),
				new ResourceUsage("c1", "ip-1", null, SKU, "ip-days", MeterUnit.DAY, 29));
		RatingResult whole = rate(KRW_20, List.of(daily),
				new ResourceUsage("c1", "ip-1", null, SKU, "ip-days", MeterUnit.DAY, 30));

		assertThat(partial.costAtList()).isEqualTo(new BigDecimal("30000"));
		assertThat(whole.costAtList()).isEqualTo(new BigDecimal("30000"));
		assertThat(rate(KRW_20, List.of(daily), new ResourceUsage("c1", "ip-1", null, SKU, "ip-days", MeterUnit.DAY, 3))
			.costAtList()).isEqualTo(new BigDecimal("3300"));
	}

	@Test
	void chargesQuantitiesWithoutCap() {
		PriceVersion traffic = new PriceVersion(OFFER, SKU, "egress-gb", MeterUnit.GB, new BigDecimal("100"), "KRW",
				new BigDecimal("30000"), JANUARY);
		RatingResult result = this.engine.rate(input(KRW_20, List.of(traffic), List.of(),
				List.of(new QuantityUsage("c1", null, SKU, "egress-gb", MeterUnit.GB, new BigDecimal("1000.5")))));

		assertThat(result.lines()).singleElement().satisfies((line) -> {
			assertThat(line.quantity()).isEqualByComparingTo("1000.5");
			assertThat(line.costAtList()).isEqualTo(new BigDecimal("100050"));
			assertThat(line.cost()).isEqualTo(new BigDecimal("80040"));
		});
	}

	@Test
	void roundsEachAmountHalfUpToWholeWon() {
		// 1.3125 GB x 10 = 13.125 at list -> 13; x 0.8 = 10.5 -> 11 (HALF_EVEN would say
		// 10)
		PriceVersion traffic = new PriceVersion(OFFER, SKU, "egress-gb", MeterUnit.GB, new BigDecimal("10"), "KRW",
				null, JANUARY);
		RatingResult result = this.engine.rate(input(KRW_20, List.of(traffic), List.of(),
				List.of(new QuantityUsage("c1", null, SKU, "egress-gb", MeterUnit.GB, new BigDecimal("1.3125")))));

		assertThat(result.costAtList()).isEqualTo(new BigDecimal("13"));
		assertThat(result.cost()).isEqualTo(new BigDecimal("11"));
		assertThat(result.customerCost()).isEqualTo(new BigDecimal("13"));
	}

	@Test
	void roundsHalfUpToCentsInDollars() {
		// 0.05625 at list -> 0.06; x 0.8 = 0.045 -> 0.05
		Contract usd = new Contract(new BigDecimal("20"), "USD");
		PriceVersion hourly = new PriceVersion(OFFER, SKU, "vm-hours", MeterUnit.HOUR, new BigDecimal("0.05625"), "USD",
				null, JANUARY);
		RatingResult result = rate(usd, List.of(hourly), hours("c1", "srv-1", 1));

		assertThat(result.currencyCode()).isEqualTo("USD");
		assertThat(result.costAtList()).isEqualTo(new BigDecimal("0.06"));
		assertThat(result.cost()).isEqualTo(new BigDecimal("0.05"));
	}

	@Test
	void totalsAreSumsOfRoundedLines() {
		PriceVersion hourly = hourly("12.5", null);
		RatingResult result = rate(new Contract(BigDecimal.ZERO, "KRW"), List.of(hourly), hours("c1", "srv-1", 1),
				hours("c2", "srv-2", 1));

		assertThat(result.lines()).extracting(RatedLine::costAtList)
			.containsExactly(new BigDecimal("13"), new BigDecimal("13"));
		assertThat(result.costAtList()).isEqualTo(new BigDecimal("26"));
	}

	@Test
	void startsNovemberInSeoulAtFifteenHundredUtcOnOctoberThirtyFirst() {
		assertThat(NOVEMBER.start()).isEqualTo(Instant.parse("2026-10-31T15:00:00Z"));
		assertThat(NOVEMBER.end()).isEqualTo(Instant.parse("2026-11-30T15:00:00Z"));
		assertThat(BillingMonth.of(Instant.parse("2026-10-31T15:00:00Z"), SEOUL).month())
			.isEqualTo(YearMonth.of(2026, 11));
		assertThat(BillingMonth.of(Instant.parse("2026-10-31T14:59:59Z"), SEOUL).month())
			.isEqualTo(YearMonth.of(2026, 10));
		assertThat(NOVEMBER.periods(MeterUnit.HOUR)).isEqualTo(720);
	}

	@Test
	void countsTheHoursOfAMonthWithADaylightSavingChange() {
		BillingMonth newYork = new BillingMonth(YearMonth.of(2026, 11), ZoneId.of("America/New_York"));

		assertThat(newYork.periods(MeterUnit.HOUR)).isEqualTo(721);
		RatingResult result = this.engine.rate(new RatingInput(newYork, new Contract(BigDecimal.ZERO, "KRW"),
				List.of(hourly("40", "30000")), List.of(hours("c1", "srv-1", 720)), List.of(), Map.of()));
		assertThat(result.costAtList()).as("720 of 721 hours is not a whole month").isEqualTo(new BigDecimal("28800"));
	}

	@Test
	void usesThePriceInForceWhenTheMonthStarts() {
		PriceVersion old = hourly("45", "30000");
		PriceVersion november = new PriceVersion(OFFER, SKU, "vm-hours", MeterUnit.HOUR, new BigDecimal("50"), "KRW",
				new BigDecimal("30000"), NOVEMBER.start());
		PriceVersion midMonth = new PriceVersion(OFFER, SKU, "vm-hours", MeterUnit.HOUR, new BigDecimal("60"), "KRW",
				new BigDecimal("30000"), Instant.parse("2026-11-15T00:00:00Z"));

		assertThat(rate(KRW_20, List.of(old, november, midMonth), hours("c1", "srv-1", 1)).costAtList())
			.isEqualTo(new BigDecimal("50"));
		RatingResult beforeAnyPrice = rate(KRW_20, List.of(midMonth), hours("c1", "srv-1", 1));
		assertThat(beforeAnyPrice.lines()).as("usage from before an offer's first price is not priced by it").isEmpty();
		assertThat(beforeAnyPrice.unrated())
			.containsExactly(new RatingResult.Unrated("c1", SKU, "vm-hours", BigDecimal.ONE));
	}

	@Test
	void pricesTheHourInWhichAnOffersFirstPriceTakesEffectWithThatPrice() {
		PriceVersion first = new PriceVersion(OFFER, SKU, "vm-hours", MeterUnit.HOUR, new BigDecimal("60"), "KRW",
				new BigDecimal("30000"), Instant.parse("2026-11-15T00:20:00Z"));
		ResourceUsage hourOfTheFirstPrice = new ResourceUsage("c1", "srv-1", null, OFFER, SKU, "vm-hours",
				MeterUnit.HOUR, BigDecimal.ONE, Instant.parse("2026-11-15T00:00:00Z"),
				Instant.parse("2026-11-15T01:00:00Z"));
		ResourceUsage hourBefore = new ResourceUsage("c1", "srv-2", null, OFFER, SKU, "vm-hours", MeterUnit.HOUR,
				BigDecimal.ONE, Instant.parse("2026-11-14T23:00:00Z"), Instant.parse("2026-11-15T00:00:00Z"));

		RatingResult result = this.engine.rate(new RatingInput(NOVEMBER, KRW_20, List.of(first),
				List.of(hourOfTheFirstPrice, hourBefore), List.of(), Map.of()));

		assertThat(result.costAtList()).isEqualTo(new BigDecimal("60"));
		assertThat(result.unrated()).containsExactly(new RatingResult.Unrated("c1", SKU, "vm-hours", BigDecimal.ONE));
	}

	@Test
	void prefersTheEntitlementsOfferOverOtherOffersOfTheSku() {
		PriceVersion other = new PriceVersion("offers/other", SKU, "vm-hours", MeterUnit.HOUR, new BigDecimal("99"),
				"KRW", null, JANUARY);
		ResourceUsage usage = new ResourceUsage("c1", "srv-1", OFFER, SKU, "vm-hours", MeterUnit.HOUR, 1);

		assertThat(rate(KRW_20, List.of(other, hourly("45", null)), usage).costAtList())
			.isEqualTo(new BigDecimal("45"));
	}

	@Test
	void leavesUsageWithoutAPriceInTheContractsCurrencyUnrated() {
		PriceVersion usd = new PriceVersion(OFFER, SKU, "vm-hours", MeterUnit.HOUR, new BigDecimal("1"), "USD", null,
				JANUARY);
		RatingResult result = rate(KRW_20, List.of(usd), hours("c1", "srv-1", 3));

		assertThat(result.lines()).isEmpty();
		assertThat(result.costAtList()).isEqualTo(new BigDecimal("0"));
		assertThat(result.unrated())
			.containsExactly(new RatingResult.Unrated("c1", SKU, "vm-hours", new BigDecimal("3")));
	}

	@Test
	void repricesCustomersFromTheirBasis() {
		RatingInput input = new RatingInput(NOVEMBER, KRW_20, List.of(hourly("45", null)),
				List.of(hours("c1", "srv-1", 10), hours("c2", "srv-2", 10)), List.of(),
				Map.of("c1", new Repricing(Repricing.Basis.DIRECT_CUSTOMER_COST, new BigDecimal("10")), "c2",
						new Repricing(Repricing.Basis.COST_AT_LIST, new BigDecimal("-5"))));

		RatingResult result = this.engine.rate(input);

		// c1: 450 x 0.8 = 360, x 1.1 = 396; c2: 450 x 0.95 = 427.5 -> 428
		assertThat(result.lines()).extracting(RatedLine::customerCost)
			.containsExactly(new BigDecimal("396"), new BigDecimal("428"));
	}

	@Test
	void pricesEachPartOfAResourceAtThePriceInForceAtItsTime() {
		PriceVersion old = hourly("45", "30000");
		Instant change = Instant.parse("2026-11-15T15:00:00Z");
		PriceVersion raised = new PriceVersion(OFFER, SKU, "vm-hours", MeterUnit.HOUR, new BigDecimal("60"), "KRW",
				new BigDecimal("40000"), change);
		ResourceUsage before = part("srv-1", 10, NOVEMBER.start());
		ResourceUsage after = part("srv-1", 5, change);

		RatingResult result = rate(KRW_20, List.of(old, raised), before, after);

		// 10 x 45 + 5 x 60 = 750, capped by the monthly price in force at the latest part
		assertThat(result.costAtList()).isEqualTo(new BigDecimal("750"));
		assertThat(result.lines().get(0).items()).singleElement()
			.satisfies((item) -> assertThat(item.monthlyPrice()).isEqualByComparingTo("40000"));
	}

	@Test
	void appliesAContractChangeFromItsEffectiveTime() {
		Instant change = Instant.parse("2026-11-15T15:00:00Z");
		Contract contract = new Contract("KRW", List.of(new Contract.Discount(Instant.EPOCH, new BigDecimal("20")),
				new Contract.Discount(change, new BigDecimal("30"))));

		RatingResult result = rate(contract, List.of(hourly("45", "30000")), part("srv-1", 10, NOVEMBER.start()),
				part("srv-1", 10, change));

		// 450 x 0.8 + 450 x 0.7 = 675
		assertThat(result.cost()).isEqualTo(new BigDecimal("675"));
		assertThat(contract.discountAt(change.minusSeconds(1))).isEqualByComparingTo("20");
	}

	@Test
	void repricesASkuGroupWithTheFirstMatchingOverride() {
		Repricing repricing = new Repricing(Repricing.Basis.COST_AT_LIST, new BigDecimal("10"),
				List.of(new Repricing.Override(null, "products/server-basic/", Repricing.Basis.DIRECT_CUSTOMER_COST,
						BigDecimal.ZERO),
						new Repricing.Override(List.of(SKU), null, Repricing.Basis.COST_AT_LIST, new BigDecimal("50"))),
				"accounts/a/customers/c1/repricingConfig");
		RatingInput input = new RatingInput(NOVEMBER, KRW_20, List.of(hourly("45", null)),
				List.of(hours("c1", "srv-1", 10)), List.of(), Map.of("c1", repricing));

		RatedLine line = this.engine.rate(input).lines().get(0);

		// the prefix override comes first: the partner's cost, unchanged
		assertThat(line.customerCost()).isEqualTo(new BigDecimal("360"));
		assertThat(line.items().get(0).repricingConfig()).isEqualTo("accounts/a/customers/c1/repricingConfig");
	}

	@Test
	void countsMonthsOfAUtcBillingZoneFromUtcMidnight() {
		BillingMonth utc = new BillingMonth(YearMonth.of(2026, 2), java.time.ZoneOffset.UTC);

		assertThat(utc.start()).isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
		assertThat(utc.periods(MeterUnit.HOUR)).isEqualTo(672);
		RatingResult whole = this.engine.rate(new RatingInput(utc, KRW_20, List.of(hourly("40", "30000")),
				List.of(hours("c1", "srv-1", 672)), List.of(), Map.of()));
		assertThat(whole.costAtList()).isEqualTo(new BigDecimal("30000"));
	}

	private static ResourceUsage part(String resource, long hours, Instant start) {
		return new ResourceUsage("c1", resource, null, null, SKU, "vm-hours", MeterUnit.HOUR, BigDecimal.valueOf(hours),
				start, start.plusSeconds(hours * 3600));
	}

	private RatingResult rate(Contract contract, List<PriceVersion> prices, ResourceUsage... usage) {
		return this.engine.rate(input(contract, prices, new ArrayList<>(List.of(usage)), List.of()));
	}

	private static RatingInput input(Contract contract, List<PriceVersion> prices, List<ResourceUsage> resources,
			List<QuantityUsage> quantities) {
		return new RatingInput(NOVEMBER, contract, prices, resources, quantities, Map.of());
	}

	private static PriceVersion hourly(String listPrice, String monthlyPrice) {
		return new PriceVersion(OFFER, SKU, "vm-hours", MeterUnit.HOUR, new BigDecimal(listPrice), "KRW",
				(monthlyPrice != null) ? new BigDecimal(monthlyPrice) : null, JANUARY);
	}

	private static ResourceUsage hours(String customer, String resource, long hours) {
		return new ResourceUsage(customer, resource, null, SKU, "vm-hours", MeterUnit.HOUR, hours);
	}

}
