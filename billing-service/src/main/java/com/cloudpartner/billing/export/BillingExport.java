package com.cloudpartner.billing.export;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import com.cloudpartner.billing.config.BillingProperties;
import com.cloudpartner.billing.rating.RatingEngine;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Streams a month's issued invoices as rows of
 * {@code reseller_billing_detailed_export_v1} from one database cursor, so memory stays
 * constant whatever the month's size. Per regular invoice line, the rows of
 * {@link LineRows}: one per hourly (daily, reported) usage window of each resource, a
 * {@code SUSTAINED_USAGE_DISCOUNT} credit where the monthly cap applied, a
 * {@code rounding error} row where the rounded rows miss the line; one {@code adjustment}
 * row per correction or adjustment line; per invoice a {@code tax} row and one row per
 * applied credit (a negative credit amount). A line's rows therefore add up to the line,
 * and a month's rows (cost plus credits) to its invoices' totals. {@code export_time}
 * strictly increases along the stream.
 */
@Service
class BillingExport {

	private static final int FETCH_SIZE = 1000;

	private static final TypeReference<Map<String, String>> LABELS = new TypeReference<>() {
	};

	private final NamedParameterJdbcTemplate cursor;

	private final JdbcClient jdbc;

	private final TransactionTemplate readOnly;

	private final JsonMapper json;

	private final ZoneId zone;

	BillingExport(DataSource dataSource, JdbcClient jdbc, PlatformTransactionManager transactions, JsonMapper json,
			BillingProperties properties) {
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setFetchSize(FETCH_SIZE);
		this.cursor = new NamedParameterJdbcTemplate(template);
		this.jdbc = jdbc;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.json = json;
		this.zone = properties.zone();
	}

	void write(String accountId, YearMonth month, String format, OutputStream out) {
		ExportFormat writer = ExportFormat.of(format, this.json, out);
		writer.start();
		this.readOnly.executeWithoutResult((status) -> {
			Streamer streamer = new Streamer(writer);
			Map<String, Object> params = new HashMap<>();
			params.put("month", month.toString());
			params.put("account", accountId);
			params.put("zone", this.zone.getId());
			this.cursor.query(QUERY, params, streamer::row);
			streamer.finish();
		});
	}

	/**
	 * Invoices, lines, resource items and each item's usage windows as the invoice
	 * counted them: its billable hours (days) up to its units, or its quantity records
	 * received before the invoice. Hours that arrived late are charged by a correction
	 * line of a later invoice, not here.
	 */
	private static final String QUERY = """
			select i.account_id, i.invoice_id, i.month, i.currency_code, i.tax, i.created_at,
			    l.line_no, l.kind, l.customer_id, l.sku, l.quantity, l.cost_at_list, l.cost, l.customer_cost,
			    l.adjustment_id, l.adjustment_type, l.description,
			    it.item_no, it.resource, it.entitlement_id, it.usage_start, it.usage_end, it.unit, it.quantity,
			    it.list_price, it.monthly_price, it.cost_at_list, it.cost, it.customer_cost, it.gross_cost_at_list,
			    it.gross_cost, it.gross_customer_cost, it.repricing_config,
			    c.display_name, c.correlation_id, ra.location, ra.labels,
			    w.window_start, w.window_end, w.amount
			from invoice i
			join invoice_line l on l.account_id = i.account_id and l.invoice_id = i.invoice_id
			left join customer c on c.account_id = l.account_id and c.customer_id = l.customer_id
			left join invoice_line_item it on it.account_id = l.account_id and it.invoice_id = l.invoice_id
			    and it.line_no = l.line_no
			left join resource_attribute ra on ra.account_id = it.account_id and ra.resource = it.resource
			left join lateral (
			    (select h.hour_start as window_start, h.hour_start + interval '1 hour' as window_end,
			        cast(1 as numeric) as amount
			    from billable_hour h
			    where it.unit = 'HOUR' and h.series_key = usage_series_key(it.account_id, it.resource, l.sku, l.meter)
			        and h.customer_id = l.customer_id
			        and h.hour_start >= it.usage_start and h.hour_start < it.usage_end
			    order by h.hour_start limit ceil(it.quantity))
			    union all
			    (select cast(d.day as timestamp) at time zone :zone, cast(d.day + 1 as timestamp) at time zone :zone,
			        cast(1 as numeric)
			    from billable_day d
			    where it.unit = 'DAY' and d.series_key = usage_series_key(it.account_id, it.resource, l.sku, l.meter)
			        and d.customer_id = l.customer_id
			        and d.day >= cast(it.usage_start at time zone :zone as date)
			        and d.day < cast(it.usage_end at time zone :zone as date)
			    order by d.day limit ceil(it.quantity))
			    union all
			    (select r.window_start, r.window_end, r.quantity
			    from usage_record r
			    where it.unit not in ('HOUR', 'DAY') and r.unit not in ('HOUR', 'DAY')
			        and r.account_id = it.account_id and r.resource = it.resource
			        and r.sku = l.sku and r.meter = l.meter and r.customer_id = l.customer_id
			        and r.window_start >= it.usage_start and r.window_start < it.usage_end
			        and r.recorded_at <= i.created_at)
			) w on true
			where i.month = :month and (cast(:account as text) is null or i.account_id = :account)
			order by i.created_at, i.account_id, i.invoice_id, l.line_no, it.item_no, w.window_start""";

	private final class Streamer {

		private final ExportFormat writer;

		private Instant lastExportTime = Instant.EPOCH;

		private Invoice invoice;

		private int lineNo = -1;

		private LineRows line;

		private ExportRow pending;

		private int itemNo = -1;

		Streamer(ExportFormat writer) {
			this.writer = writer;
		}

		void row(ResultSet rs) throws SQLException {
			String accountId = rs.getString(1);
			String invoiceId = rs.getString(2);
			if (this.invoice == null || !this.invoice.invoiceId.equals(invoiceId)
					|| !this.invoice.accountId.equals(accountId)) {
				finishInvoice();
				this.invoice = new Invoice(accountId, invoiceId, rs.getString(3).replace("-", ""),
						rs.getString(4).trim(), rs.getBigDecimal(5), rs.getObject(6, OffsetDateTime.class).toInstant());
			}
			int lineNo = rs.getInt(7);
			if (this.lineNo != lineNo) {
				finishLine();
				startLine(rs, lineNo);
			}
			if (this.line == null || rs.getObject(18) == null) {
				return;
			}
			int itemNo = rs.getInt(18);
			if (this.itemNo != itemNo) {
				this.itemNo = itemNo;
				this.line
					.item(new LineRows.Item(rs.getString(19), rs.getString(20), rs.getString(23), rs.getBigDecimal(24),
							instant(rs, 21), instant(rs, 22), rs.getBigDecimal(25), rs.getBigDecimal(26),
							rs.getBigDecimal(27), rs.getBigDecimal(28), rs.getBigDecimal(29), rs.getBigDecimal(30),
							rs.getBigDecimal(31), rs.getBigDecimal(32), rs.getString(33), new ExportRow.Context(
									rs.getString(34), rs.getString(35), rs.getString(36), labels(rs.getString(37)))));
			}
			if (rs.getObject(38) != null) {
				this.line.window(instant(rs, 38), instant(rs, 39), rs.getBigDecimal(40));
			}
		}

		private void startLine(ResultSet rs, int lineNo) throws SQLException {
			this.lineNo = lineNo;
			this.itemNo = -1;
			Invoice i = this.invoice;
			String customerId = rs.getString(9);
			ExportRow.Context customer = new ExportRow.Context(rs.getString(34), rs.getString(35), null, null);
			if ("REGULAR".equals(rs.getString(8))) {
				this.line = new LineRows(
						new LineRows.Line(i.accountId, i.month, i.currency, customerId, rs.getString(10),
								rs.getBigDecimal(12), rs.getBigDecimal(13), rs.getBigDecimal(14), customer),
						RatingEngine.scale(i.currency), this::emit);
				return;
			}
			String id = (rs.getString(15) != null) ? rs.getString(15) : i.invoiceId + "/" + lineNo;
			this.pending = new ExportRow(i.accountId, i.month, "adjustment", rs.getString(10), null, null, null,
					rs.getBigDecimal(13), i.currency, rs.getBigDecimal(11), null, null,
					new ExportRow.Adjustment(id, rs.getString(17), rs.getString(16), "PARTIAL_CORRECTION"), customerId,
					null, rs.getBigDecimal(14), rs.getBigDecimal(12), null, null, null, customer);
		}

		private void finishLine() {
			if (this.line != null) {
				this.line.finish();
			}
			if (this.pending != null) {
				emit(this.pending);
			}
			this.line = null;
			this.pending = null;
			this.lineNo = -1;
		}

		private void finishInvoice() {
			finishLine();
			if (this.invoice == null) {
				return;
			}
			Invoice i = this.invoice;
			emit(new ExportRow(i.accountId, i.month, "tax", null, null, null, null, i.tax, i.currency, null, null, null,
					null, null, null, null, null, null, null, null, null));
			BillingExport.this.jdbc.sql("""
					select c.credit_id, c.type, ic.amount from invoice_credit ic
					join credit c on c.account_id = ic.account_id and c.credit_id = ic.credit_id
					where ic.account_id = :account and ic.invoice_id = :invoice order by c.created_at, c.credit_id""")
				.param("account", i.accountId)
				.param("invoice", i.invoiceId)
				.query((rs, n) -> new ExportRow.Credit(rs.getString(1), null, rs.getString(2),
						"accounts/" + i.accountId + "/credits/" + rs.getString(1), rs.getBigDecimal(3).negate(), null))
				.list()
				.forEach((credit) -> emit(
						new ExportRow(i.accountId, i.month, "adjustment", null, null, null, null, BigDecimal.ZERO,
								i.currency, null, null, credit, null, null, null, null, null, null, null, null, null)));
			this.invoice = null;
		}

		void finish() {
			finishInvoice();
		}

		private void emit(ExportRow row) {
			Instant at = this.invoice.createdAt.truncatedTo(ChronoUnit.MICROS);
			this.lastExportTime = at.isAfter(this.lastExportTime) ? at : this.lastExportTime.plus(1, ChronoUnit.MICROS);
			this.writer.write(row, this.lastExportTime);
		}

		private Map<String, String> labels(String text) {
			return (text != null) ? BillingExport.this.json.readValue(text, LABELS) : Map.of();
		}

		private static Instant instant(ResultSet rs, int column) throws SQLException {
			OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
			return (value != null) ? value.toInstant() : null;
		}

	}

	private record Invoice(String accountId, String invoiceId, String month, String currency, BigDecimal tax,
			Instant createdAt) {
	}

}
