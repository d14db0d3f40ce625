package com.cloudpartner.billing.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes export rows as NDJSON (one object per line, every column present, BigQuery's
 * nested shape) or CSV (nested columns flattened with dots, repeated ones as JSON).
 */
abstract class ExportFormat {

	static final String SELLER = "Cloud Partner Platform";

	final JsonMapper json;

	final OutputStream out;

	ExportFormat(JsonMapper json, OutputStream out) {
		this.json = json;
		this.out = out;
	}

	static ExportFormat of(String format, JsonMapper json, OutputStream out) {
		return "csv".equals(format) ? new Csv(json, out) : new Ndjson(json, out);
	}

	abstract void start();

	abstract void write(ExportRow row, Instant exportTime);

	void write(String text) {
		try {
			this.out.write(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The row in the schema's nested shape. */
	static Map<String, Object> columns(ExportRow row, Instant exportTime) {
		Map<String, Object> c = new LinkedHashMap<>();
		c.put("billing_account_id", row.accountId());
		c.put("payer_billing_account_id", row.accountId());
		c.put("invoice", map("month", row.invoiceMonth()));
		c.put("cost_type", row.costType());
		c.put("service", map("id", service(row.sku()), "description", null));
		c.put("sku", map("id", row.sku(), "description", null));
		c.put("usage_start_time", text(row.usageStart()));
		c.put("usage_end_time", text(row.usageEnd()));
		ExportRow.Context context = row.context();
		// the project is the customer: the unit that owns resources and is billed as one
		c.put("project",
				map("id", row.customerId(), "number", null, "name",
						(row.customerId() != null) ? context.customerDisplayName() : null, "labels", List.of(),
						"ancestry_numbers", null));
		c.put("labels", keyValues(context.labels()));
		c.put("system_labels", List.of());
		Location location = Location.of(context.location());
		c.put("location", map("location", location.location(), "country", location.country(), "region",
				location.region(), "zone", location.zone()));
		c.put("resource", map("name", row.resource(), "global_name", null));
		c.put("cost", number(row.cost()));
		c.put("currency", row.currency());
		c.put("currency_conversion_rate", 1);
		c.put("usage", map("amount", number(row.usageAmount()), "unit", row.usageUnit(), "amount_in_pricing_units",
				number(row.usageAmount()), "pricing_unit", row.usageUnit()));
		List<Object> credits = new ArrayList<>();
		if (row.credit() != null) {
			ExportRow.Credit credit = row.credit();
			credits.add(map("id", credit.id(), "full_name", credit.fullName(), "type", credit.type(), "name",
					credit.name(), "amount", number(credit.amount()), "channel_partner_amount", number(credit.amount()),
					"customer_amount", number(credit.customerAmount())));
		}
		c.put("credits", credits);
		List<Object> adjustments = new ArrayList<>();
		if (row.adjustment() != null) {
			adjustments.add(map("adjustment_id", row.adjustment().id(), "adjustment_description",
					row.adjustment().description(), "adjustment_type", row.adjustment().type(), "adjustment_mode",
					row.adjustment().mode()));
		}
		c.put("adjustmentsInfo", adjustments);
		c.put("export_time", exportTime.toString());
		c.put("entitlement_name", (row.entitlementId() != null && row.customerId() != null) ? "accounts/"
				+ row.accountId() + "/customers/" + row.customerId() + "/entitlements/" + row.entitlementId() : null);
		c.put("channel_partner_name", "accounts/" + row.accountId());
		c.put("channel_partner_cost", number(row.cost()));
		c.put("customer_name",
				(row.customerId() != null) ? "accounts/" + row.accountId() + "/customers/" + row.customerId() : null);
		c.put("customer_cost", number(row.customerCost()));
		c.put("cost_at_list", number(row.costAtList()));
		c.put("customer_repricing_config_name", row.repricingConfig());
		c.put("channel_partner_repricing_config_name", null);
		c.put("tags", List.of());
		c.put("customer_correlation_id", (row.customerId() != null) ? context.correlationId() : null);
		c.put("price",
				map("effective_price", number(row.unitPrice()), "tier_start_amount",
						(row.listPrice() != null) ? "0" : null, "unit", row.usageUnit(), "pricing_unit_quantity",
						(row.listPrice() != null) ? "1" : null, "list_price", number(row.listPrice()),
						"effective_price_default", number(row.listPrice()), "list_price_consumption_model",
						number(row.listPrice())));
		c.put("transaction_type", "THIRD_PARTY_RESELLER");
		c.put("seller_name", SELLER);
		c.put("subscription", map("instance_id", row.entitlementId()));
		c.put("consumption_model", map("id", "DEFAULT", "description", "Default"));
		return c;
	}

	private static List<Object> keyValues(Map<String, String> labels) {
		List<Object> pairs = new ArrayList<>(labels.size());
		new java.util.TreeMap<>(labels).forEach((key, value) -> pairs.add(map("key", key, "value", value)));
		return pairs;
	}

	private static String service(String sku) {
		if (sku == null) {
			return null;
		}
		int skus = sku.indexOf("/skus/");
		return (skus > 0) ? sku.substring(0, skus) : sku;
	}

	private static String text(Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

	/** NUMERIC as a string, at most 9 decimals (BigQuery NUMERIC's scale). */
	static String number(BigDecimal value) {
		if (value == null) {
			return null;
		}
		BigDecimal scaled = (value.scale() > 9) ? value.setScale(9, java.math.RoundingMode.HALF_UP) : value;
		return scaled.stripTrailingZeros().toPlainString();
	}

	private static Map<String, Object> map(Object... pairs) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put((String) pairs[i], pairs[i + 1]);
		}
		return map;
	}

	static final class Ndjson extends ExportFormat {

		Ndjson(JsonMapper json, OutputStream out) {
			super(json, out);
		}

		@Override
		void start() {
		}

		@Override
		void write(ExportRow row, Instant exportTime) {
			write(this.json.writeValueAsString(columns(row, exportTime)) + "\n");
		}

	}

	static final class Csv extends ExportFormat {

		Csv(JsonMapper json, OutputStream out) {
			super(json, out);
		}

		@Override
		void start() {
			List<String> names = new ArrayList<>();
			flatten("", columns(new ExportRow("", null, null, null, null, null, null, null, null, null, null, null,
					null, null, null, null, null, null, null, null, null), Instant.EPOCH), names, null);
			write(String.join(",", names) + "\n");
		}

		@Override
		void write(ExportRow row, Instant exportTime) {
			List<String> values = new ArrayList<>();
			flatten("", columns(row, exportTime), null, values);
			write(String.join(",", values) + "\n");
		}

		private void flatten(String prefix, Map<String, Object> columns, List<String> names, List<String> values) {
			columns.forEach((name, value) -> {
				if (value instanceof Map<?, ?> nested) {
					@SuppressWarnings("unchecked")
					Map<String, Object> children = (Map<String, Object>) nested;
					flatten(prefix + name + ".", children, names, values);
					return;
				}
				if (names != null) {
					names.add(prefix + name);
				}
				if (values != null) {
					values.add(cell(value));
				}
			});
		}

		private String cell(Object value) {
			if (value == null) {
				return "";
			}
			String text = (value instanceof List<?> list) ? (list.isEmpty() ? "" : this.json.writeValueAsString(list))
					: value.toString();
			boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0;
			return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
		}

	}

}
