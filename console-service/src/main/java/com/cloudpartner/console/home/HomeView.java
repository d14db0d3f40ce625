package com.cloudpartner.console.home;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import com.cloudpartner.console.home.CustomerCharges.CurrentMonth;
import com.cloudpartner.console.home.CustomerEntitlements.Entitlement;
import com.cloudpartner.console.home.CustomerEntitlements.Page;

/** What the home page shows, already formatted for the user's language and zone. */
final class HomeView {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private HomeView() {
	}

	static Entitlements entitlements(Page page, ZoneId zone) {
		return new Entitlements(page.entitlements().stream().map((e) -> row(e, zone)).toList(),
				page.nextPageToken() != null && !page.nextPageToken().isBlank());
	}

	static Charges charges(CurrentMonth month, Locale locale, ZoneId zone) {
		Money total = Money.of(month.customerCost(), month.currencyCode());
		List<ChargeRow> lines = month.lines().stream().map((line) -> {
			Money cost = Money.of(line.customerCost(), month.currencyCode());
			return new ChargeRow(nullToEmpty(line.sku()), nullToEmpty(line.meter()),
					(line.quantity() != null && !line.quantity().isNull()) ? line.quantity().asString() : "",
					(cost != null) ? cost.format(locale) : "");
		}).toList();
		return new Charges(nullToEmpty(month.month()), time(nullToEmpty(month.asOf()), zone),
				(total != null) ? total.format(locale) : "", lines);
	}

	private static EntitlementRow row(Entitlement entitlement, ZoneId zone) {
		String created = nullToEmpty(entitlement.createTime());
		return new EntitlementRow(nullToEmpty(entitlement.name()), nullToEmpty(entitlement.offer()),
				nullToEmpty(entitlement.sku()), nullToEmpty(entitlement.state()), created, time(created, zone));
	}

	/** An RFC 3339 instant as local time in the zone; anything else as sent. */
	private static String time(String instant, ZoneId zone) {
		try {
			return TIME.format(Instant.parse(instant).atZone(zone));
		}
		catch (DateTimeParseException ex) {
			return instant;
		}
	}

	private static String nullToEmpty(String value) {
		return (value != null) ? value : "";
	}

	record Entitlements(List<EntitlementRow> rows, boolean more) {

	}

	record EntitlementRow(String name, String offer, String sku, String state, String createTime,
			String createTimeText) {

	}

	record Charges(String month, String asOf, String total, List<ChargeRow> lines) {

	}

	record ChargeRow(String sku, String meter, String quantity, String cost) {

	}

}
