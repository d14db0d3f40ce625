package com.cloudpartner.entitlement.metering;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.cloudpartner.entitlement.metering.HourHolders.Holder;
import com.cloudpartner.entitlement.metering.HourHolders.Stretch;
import com.cloudpartner.entitlement.metering.HourHolders.Window;
import com.cloudpartner.entitlement.metering.UsagePeriods.Facts;

import static org.assertj.core.api.Assertions.assertThat;

class HourHoldersTests {

	private static final Instant HOUR = Instant.parse("2026-11-23T01:00:00Z");

	private static final Instant END = HOUR.plus(Duration.ofHours(1));

	private static final Facts A = new Facts("a", "c", "ea", "products/p/skus/s", 100, "kr-central-1");

	private static final Facts B = new Facts("b", "c2", "eb", "products/p/skus/s", 100, "kr-central-1");

	private static Instant at(int minute) {
		return HOUR.plus(Duration.ofMinutes(minute));
	}

	@Test
	void givesTheStartedHourOfATransferToTheOwnerAtItsStartOnly() {
		List<Holder> holders = HourHolders.of(List.of(new Stretch(A, HOUR, at(20)), new Stretch(B, at(20), END)), HOUR,
				END);

		assertThat(holders).extracting(Holder::facts).containsExactly(A, B);
		assertThat(HourHolders.periodHolder(holders, null).facts()).isEqualTo(A);
	}

	@Test
	void givesTheDayOfATransferToTheOwnerAtTheDaysStartAndNothingToTheNewOneBeforeTheNextDay() {
		List<Holder> transferHour = HourHolders.of(List.of(new Stretch(A, HOUR, at(20)), new Stretch(B, at(20), END)),
				HOUR, END);
		List<Holder> laterThatDay = HourHolders.of(List.of(new Stretch(B, HOUR, END)), HOUR, END);

		assertThat(HourHolders.periodHolder(transferHour, A).facts()).isEqualTo(A);
		assertThat(HourHolders.periodHolder(laterThatDay, A)).isNull();
		assertThat(HourHolders.periodHolder(laterThatDay, B).facts()).isEqualTo(B);
	}

	@Test
	void splitsGigabytesByTheTimeEachHeldTheResourceAddingUpExactly() {
		List<Holder> holders = HourHolders.of(List.of(new Stretch(A, HOUR, at(20)), new Stretch(B, at(20), END)), HOUR,
				END);
		BigDecimal whole = new BigDecimal("0.134408602");

		List<BigDecimal> parts = HourHolders.split(whole, holders);

		assertThat(parts).containsExactly(new BigDecimal("0.044802867"), new BigDecimal("0.089605735"));
		assertThat(parts.get(0).add(parts.get(1))).isEqualByComparingTo(whole);
		assertThat(HourHolders.split(whole, HourHolders.of(List.of(new Stretch(A, HOUR, END)), HOUR, END)))
			.containsExactly(whole);
	}

	@Test
	void countsForEachOwnerWhatWasCountedWhileItHeldTheResourceCoveringTheWholeHour() {
		Facts resized = new Facts("a", "c", "ea", "products/p/skus/s", 200, "kr-central-1");
		List<Holder> holders = HourHolders.of(List.of(new Stretch(A, at(5), at(10)),
				new Stretch(resized, at(10), at(20)), new Stretch(B, at(20), at(40)), new Stretch(A, at(40), at(50))),
				HOUR, END);

		assertThat(holders).hasSize(2);
		Holder a = holders.get(0);
		Holder b = holders.get(1);
		assertThat(a.facts()).isEqualTo(A);
		assertThat(a.held()).isEqualTo(Duration.ofMinutes(25));
		assertThat(a.counted()).containsExactly(new Window(HOUR, at(20)), new Window(at(40), END));
		assertThat(b.held()).isEqualTo(Duration.ofMinutes(20));
		assertThat(b.counted()).containsExactly(new Window(at(20), at(40)));
	}

	@Test
	void aResourceThatNeverChangedOwnerHasOneHolderWithTheWholeHour() {
		Facts resized = new Facts("a", "c", "ea", "products/p/skus/s", 200, "kr-central-1");
		List<Holder> holders = HourHolders
			.of(List.of(new Stretch(A, at(30), at(45)), new Stretch(resized, at(45), END)), HOUR, END);

		assertThat(holders).hasSize(1);
		assertThat(holders.get(0).facts()).isEqualTo(resized);
		assertThat(holders.get(0).held()).isEqualTo(Duration.ofMinutes(30));
		assertThat(holders.get(0).counted()).containsExactly(new Window(HOUR, END));
	}

}
