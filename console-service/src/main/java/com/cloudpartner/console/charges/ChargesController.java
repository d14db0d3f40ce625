package com.cloudpartner.console.charges;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cloudpartner.console.home.Money;
import com.cloudpartner.console.config.ConsoleProperties;
import com.cloudpartner.console.upstream.UpstreamRefusedException;
import com.cloudpartner.console.upstream.UpstreamUnavailableException;
import com.cloudpartner.console.web.ConsoleUser;
import com.cloudpartner.console.web.Times;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The customer's charges of this month or one of the eleven before it, at the customer's
 * prices: one row and one bar per SKU and meter, the total, and a bar per day of what
 * each day added to the month (billing's daily view, decision 0055). When only the days
 * fail, the month is shown and the page says so.
 */
@Controller
@ApiResponse(responseCode = "200", description = "The page")
@ApiResponse(responseCode = "401", description = "No console session")
@ApiResponse(responseCode = "503", description = "Billing did not answer; the page says so")
class ChargesController {

	static final int MONTHS = 12;

	private static final Logger log = LoggerFactory.getLogger(ChargesController.class);

	private final MonthlyCharges charges;

	private final ConsoleProperties properties;

	private final Clock clock;

	ChargesController(MonthlyCharges charges, ConsoleProperties properties, Clock clock) {
		this.charges = charges;
		this.properties = properties;
		this.clock = clock;
	}

	@GetMapping(path = "/console/charges", produces = MediaType.TEXT_HTML_VALUE)
	@Operation(summary = "The end user's charges of a month", security = @SecurityRequirement(name = "consoleSession"))
	ModelAndView charges(ConsoleUser user, @RequestParam(required = false) String month, Locale locale) {
		List<YearMonth> months = months();
		YearMonth shown = chosen(month, months);
		ModelAndView view = user.page("console/charges/month", HttpStatus.OK);
		view.addObject("months", months.stream().map(YearMonth::toString).toList());
		view.addObject("month", shown.toString());
		view.addObject("currentMonth", shown.equals(months.get(0)));
		try {
			view.addObject("charges", view(this.charges.of(user, shown), locale));
		}
		catch (UpstreamUnavailableException ex) {
			log.warn("Charges of {} for {} unavailable: {}", user, shown, ex.getMessage());
			view.setStatus(HttpStatus.SERVICE_UNAVAILABLE);
			return view;
		}
		try {
			view.addObject("daily", DailyView.of(this.charges.days(user, shown), shown, locale));
		}
		catch (UpstreamUnavailableException | UpstreamRefusedException ex) {
			// the month is there: the page shows it and says that the days are not
			log.warn("Daily charges of {} for {} unavailable: {}", user, shown, ex.getMessage());
		}
		return view;
	}

	/** This month first, then the eleven before it, in the console's time zone. */
	private List<YearMonth> months() {
		YearMonth now = YearMonth.now(this.clock.withZone(this.properties.timeZone()));
		List<YearMonth> months = new ArrayList<>();
		for (int i = 0; i < MONTHS; i++) {
			months.add(now.minusMonths(i));
		}
		return months;
	}

	/** The month asked for if it is one of those offered, otherwise this month. */
	private static YearMonth chosen(String month, List<YearMonth> months) {
		if (month != null && month.length() == 7) {
			try {
				YearMonth asked = YearMonth.parse(month);
				if (months.contains(asked)) {
					return asked;
				}
			}
			catch (DateTimeParseException ex) {
				// not a month: this month
			}
		}
		return months.get(0);
	}

	private ChargesView view(MonthlyCharges.Month month, Locale locale) {
		Money total = Money.of(month.customerCost(), month.currencyCode());
		List<ChargesView.Line> lines = new ArrayList<>();
		List<BarChart.Row> rows = new ArrayList<>();
		for (MonthlyCharges.Line line : month.lines()) {
			Money amount = Money.of(line.customerCost(), month.currencyCode());
			String text = (amount != null) ? amount.format(locale) : "";
			String quantity = (line.quantity() != null && !line.quantity().isNull()) ? line.quantity().asString() : "";
			lines.add(new ChargesView.Line(text(line.sku()), text(line.meter()), quantity, text));
			rows.add(new BarChart.Row(shortName(line.sku()) + " · " + text(line.meter()), text,
					(amount != null) ? amount.amount() : null));
		}
		return new ChargesView((total != null) ? total.format(locale) : "",
				(total != null) ? total.amount().toPlainString() : "",
				Times.local(month.asOf(), this.properties.timeZone()), lines, BarChart.of(rows));
	}

	/**
	 * {@code products/p/skus/s} as {@code p/s}: enough to tell lines apart in a chart.
	 */
	private static String shortName(String sku) {
		if (sku == null) {
			return "";
		}
		String[] parts = sku.split("/");
		return (parts.length == 4 && "products".equals(parts[0])) ? parts[1] + "/" + parts[3] : sku;
	}

	private static String text(String value) {
		return (value != null) ? value : "";
	}

	/**
	 * @param total the month's total as read
	 * @param totalAmount the exact total
	 * @param asOf when billing rated it, local time
	 * @param lines per SKU and meter
	 * @param chart one bar per line
	 */
	record ChargesView(String total, String totalAmount, String asOf, List<Line> lines, BarChart chart) {

		record Line(String sku, String meter, String quantity, String amount) {

		}

	}

}
