package com.cloudpartner.console.home;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import com.cloudpartner.console.home.CustomerCharges.CurrentMonth;
import com.cloudpartner.console.home.CustomerEntitlements.Entitlement;
import com.cloudpartner.console.home.CustomerEntitlements.Page;
import com.cloudpartner.console.web.Times;

/** What the home page shows, already formatted for the user's language and zone. */
final class HomeView {

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

	private static String time(String instant, ZoneId zone) {
		return Times.local(instant, zone);
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
