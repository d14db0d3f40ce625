package com.cloudpartner.billing.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The BigQuery JSON schema of {@code reseller_billing_detailed_export_v1} (DOMAIN.md
 * section 4): {@code bq load --source_format=NEWLINE_DELIMITED_JSON table rows.ndjson
 * schema.json} accepts the NDJSON export as is.
 */
final class ExportSchema {

	private ExportSchema() {
	}

	static List<Map<String, Object>> fields() {
		List<Map<String, Object>> fields = new ArrayList<>();
		fields.add(field("billing_account_id", "STRING", "REQUIRED"));
		fields.add(field("payer_billing_account_id", "STRING", "NULLABLE"));
		fields.add(record("invoice", "NULLABLE", field("month", "STRING", "NULLABLE")));
		fields.add(field("cost_type", "STRING", "NULLABLE"));
		fields.add(record("service", "NULLABLE", field("id", "STRING", "NULLABLE"),
				field("description", "STRING", "NULLABLE")));
		fields.add(record("sku", "NULLABLE", field("id", "STRING", "NULLABLE"),
				field("description", "STRING", "NULLABLE")));
		fields.add(field("usage_start_time", "TIMESTAMP", "NULLABLE"));
		fields.add(field("usage_end_time", "TIMESTAMP", "NULLABLE"));
		fields.add(record("project", "NULLABLE", field("id", "STRING", "NULLABLE"),
				field("number", "STRING", "NULLABLE"), field("name", "STRING", "NULLABLE"), keyValues("labels"),
				field("ancestry_numbers", "STRING", "NULLABLE")));
		fields.add(keyValues("labels"));
		fields.add(keyValues("system_labels"));
		fields.add(record("location", "NULLABLE", field("location", "STRING", "NULLABLE"),
				field("country", "STRING", "NULLABLE"), field("region", "STRING", "NULLABLE"),
				field("zone", "STRING", "NULLABLE")));
		fields.add(record("resource", "NULLABLE", field("name", "STRING", "NULLABLE"),
				field("global_name", "STRING", "NULLABLE")));
		fields.add(field("cost", "NUMERIC", "NULLABLE"));
		fields.add(field("currency", "STRING", "NULLABLE"));
		fields.add(field("currency_conversion_rate", "FLOAT", "NULLABLE"));
		fields.add(record("usage", "NULLABLE", field("amount", "NUMERIC", "NULLABLE"),
				field("unit", "STRING", "NULLABLE"), field("amount_in_pricing_units", "NUMERIC", "NULLABLE"),
				field("pricing_unit", "STRING", "NULLABLE")));
		fields.add(record("credits", "REPEATED", field("id", "STRING", "NULLABLE"),
				field("full_name", "STRING", "NULLABLE"), field("type", "STRING", "NULLABLE"),
				field("name", "STRING", "NULLABLE"), field("amount", "NUMERIC", "NULLABLE"),
				field("channel_partner_amount", "NUMERIC", "NULLABLE"),
				field("customer_amount", "NUMERIC", "NULLABLE")));
		fields.add(record("adjustmentsInfo", "REPEATED", field("adjustment_id", "STRING", "NULLABLE"),
				field("adjustment_description", "STRING", "NULLABLE"), field("adjustment_type", "STRING", "NULLABLE"),
				field("adjustment_mode", "STRING", "NULLABLE")));
		fields.add(field("export_time", "TIMESTAMP", "NULLABLE"));
		fields.add(field("entitlement_name", "STRING", "NULLABLE"));
		fields.add(field("channel_partner_name", "STRING", "NULLABLE"));
		fields.add(field("channel_partner_cost", "NUMERIC", "NULLABLE"));
		fields.add(field("customer_name", "STRING", "NULLABLE"));
		fields.add(field("customer_cost", "NUMERIC", "NULLABLE"));
		fields.add(field("cost_at_list", "NUMERIC", "NULLABLE"));
		fields.add(field("customer_repricing_config_name", "STRING", "NULLABLE"));
		fields.add(field("channel_partner_repricing_config_name", "STRING", "NULLABLE"));
		fields.add(record("tags", "REPEATED", field("key", "STRING", "NULLABLE"), field("value", "STRING", "NULLABLE"),
				field("inherited", "BOOLEAN", "NULLABLE"), field("namespace", "STRING", "NULLABLE")));
		fields.add(field("customer_correlation_id", "STRING", "NULLABLE"));
		fields.add(record("price", "NULLABLE", field("effective_price", "NUMERIC", "NULLABLE"),
				field("tier_start_amount", "NUMERIC", "NULLABLE"), field("unit", "STRING", "NULLABLE"),
				field("pricing_unit_quantity", "NUMERIC", "NULLABLE"), field("list_price", "NUMERIC", "NULLABLE"),
				field("effective_price_default", "NUMERIC", "NULLABLE"),
				field("list_price_consumption_model", "NUMERIC", "NULLABLE")));
		fields.add(field("transaction_type", "STRING", "NULLABLE"));
		fields.add(field("seller_name", "STRING", "NULLABLE"));
		fields.add(record("subscription", "NULLABLE", field("instance_id", "STRING", "NULLABLE")));
		fields.add(record("consumption_model", "NULLABLE", field("id", "STRING", "NULLABLE"),
				field("description", "STRING", "NULLABLE")));
		return fields;
	}

	private static Map<String, Object> field(String name, String type, String mode) {
		Map<String, Object> field = new LinkedHashMap<>();
		field.put("name", name);
		field.put("type", type);
		field.put("mode", mode);
		return field;
	}

	@SafeVarargs
	private static Map<String, Object> record(String name, String mode, Map<String, Object>... fields) {
		Map<String, Object> record = field(name, "RECORD", mode);
		record.put("fields", List.of(fields));
		return record;
	}

	private static Map<String, Object> keyValues(String name) {
		return record(name, "REPEATED", field("key", "STRING", "NULLABLE"), field("value", "STRING", "NULLABLE"));
	}

}
