package com.cloudpartner.entitlement.entitlement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.cloudpartner.entitlement.catalog.Family;
import com.cloudpartner.entitlement.catalog.Offer;
import com.cloudpartner.entitlement.catalog.PaymentPlan;
import com.cloudpartner.entitlement.catalog.PeriodType;
import com.cloudpartner.entitlement.catalog.Price;
import com.cloudpartner.entitlement.catalog.Unit;
import com.cloudpartner.support.problem.ApiProblem;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EntitlementRulesTests {

	private static final Offer SEATS = offer(Unit.SEAT_MONTH);

	private static final Offer VM_HOURS = offer(Unit.HOUR);

	@Test
	void requiresMaxUnitsForALicenceSoldPerSeat() {
		assertThatExceptionOfType(ApiProblem.class)
			.isThrownBy(() -> EntitlementRules.parameters(Family.LICENSE, SEATS, List.of()))
			.satisfies((p) -> {
				assertThat(p.status()).isEqualTo(HttpStatus.BAD_REQUEST);
				assertThat(p.errors()).extracting(ApiProblem.FieldError::field).containsExactly("parameters");
			});
	}

	@Test
	void acceptsAPositiveIntegerMaxUnitsAsNumberOrDigits() {
		assertThat(EntitlementRules.parameters(Family.LICENSE, SEATS, List.of(new Parameter("maxUnits", 5))))
			.containsExactly(new Parameter("maxUnits", 5L));
		assertThat(EntitlementRules.parameters(Family.LICENSE, SEATS, List.of(new Parameter("maxUnits", "12"))))
			.containsExactly(new Parameter("maxUnits", 12L));
	}

	@Test
	void refusesMaxUnitsBelowOneOrNotAnInteger() {
		for (Object value : new Object[] { 0, -3, 2.5, "many", true, null }) {
			assertThatExceptionOfType(ApiProblem.class).isThrownBy(
					() -> EntitlementRules.parameters(Family.LICENSE, SEATS, List.of(new Parameter("maxUnits", value))))
				.satisfies((p) -> assertThat(p.errors()).extracting(ApiProblem.FieldError::field)
					.containsExactly("parameters[0].value"));
		}
	}

	@Test
	void refusesUnknownAndRepeatedParameters() {
		assertThatExceptionOfType(ApiProblem.class)
			.isThrownBy(() -> EntitlementRules.parameters(Family.IAAS, VM_HOURS,
					List.of(new Parameter("maxUnits", 1), new Parameter("maxUnits", 2), new Parameter("colour", 1))))
			.satisfies((p) -> assertThat(p.errors()).extracting(ApiProblem.FieldError::field)
				.containsExactly("parameters[1].name", "parameters[2].name"));
	}

	@Test
	void letsInfrastructureGoWithoutMaxUnits() {
		assertThat(EntitlementRules.parameters(Family.IAAS, VM_HOURS, null)).isEmpty();
	}

	@Test
	void readsResourceNames() {
		assertThat(EntitlementRules.offerId("offers/office-standard-flex")).isEqualTo("office-standard-flex");
		assertThatExceptionOfType(ApiProblem.class).isThrownBy(() -> EntitlementRules.offerId("office-standard-flex"))
			.satisfies((p) -> assertThat(p.status()).isEqualTo(HttpStatus.BAD_REQUEST));
		assertThat(EntitlementRules.billingAccountId("a", "accounts/a/billingAccounts/b")).isEqualTo("b");
		assertThatExceptionOfType(ApiProblem.class)
			.isThrownBy(() -> EntitlementRules.billingAccountId("a", "accounts/other/billingAccounts/b"))
			.satisfies((p) -> assertThat(p.code()).isEqualTo("BILLING_ACCOUNT_NOT_FOUND"));
	}

	@Test
	void cancelsOnlyOnce() {
		Entitlement active = Entitlement.create("a", "c", VM_HOURS, List.of(), "b", null,
				Instant.parse("2026-11-01T00:00:00Z"));
		Entitlement cancelled = active.cancel(Instant.parse("2026-11-02T00:00:00Z"));
		assertThat(cancelled.state()).isEqualTo(EntitlementState.CANCELLED);
		assertThat(cancelled.updateTime()).isEqualTo(Instant.parse("2026-11-02T00:00:00Z"));
		assertThatExceptionOfType(ApiProblem.class).isThrownBy(() -> cancelled.cancel(Instant.now()))
			.satisfies((p) -> assertThat(p.code()).isEqualTo("ENTITLEMENT_ALREADY_CANCELLED"));
	}

	private static Offer offer(Unit unit) {
		return new Offer("o", "p", "s", "O", PaymentPlan.FLEXIBLE, 1, PeriodType.MONTH, "KRW",
				List.of(new Price("m", unit, BigDecimal.TEN)), null, Instant.EPOCH, Offer.ANY_PARTNER);
	}

}
