package com.cloudpartner.billing.export;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import tools.jackson.databind.json.JsonMapper;

import com.cloudpartner.billing.rating.RatingEngine;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Streams a month's issued invoices as rows of
 * {@code reseller_billing_detailed_export_v1} from a database cursor, so memory stays
 * constant whatever the month's size. Per invoice line: one {@code regular} row per
 * resource (rounded HALF_UP) plus a {@code rounding
 * error} row when those do not add up to the line, one {@code adjustment} row per
 * correction or adjustment line; per invoice: a {@code tax} row and one row per applied
 * credit (a negative credit amount). A line's rows therefore sum to the line, and a
 * month's rows (cost plus credits) to its invoices' totals. {@code export_time} strictly
 * increases along the stream.
 */
@Service
class BillingExport {

	private static final int FETCH_SIZE = 1000;

	private final NamedParameterJdbcTemplate cursor;

	private final JdbcClient jdbc;

	private final TransactionTemplate readOnly;

	private final JsonMapper json;

	BillingExport(DataSource dataSource, JdbcClient jdbc, PlatformTransactionManager transactions, JsonMapper json) {
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setFetchSize(FETCH_SIZE);
		this.cursor = new NamedParameterJdbcTemplate(template);
		this.jdbc = jdbc;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.json = json;
	}

	void write(String accountId, YearMonth month, String format, OutputStream out) {
		ExportFormat writer = ExportFormat.of(format, this.json, out);
		writer.start();
		this.readOnly.executeWithoutResult((status) -> {
			Streamer streamer = new Streamer(writer);
			Map<String, Object> params = new HashMap<>();
			params.put("month", month.toString());
			params.put("account", accountId);
			this.cursor.query("""
					select i.account_id, i.invoice_id, i.month, i.currency_code, i.tax, i.created_at,
					    l.line_no, l.kind, l.usage_month, l.customer_id, l.sku, l.meter, l.quantity, l.cost_at_list,
					    l.cost, l.customer_cost, l.adjustment_id, l.adjustment_type, l.description,
					    it.item_no, it.resource, it.entitlement_id, it.usage_start, it.usage_end, it.unit, it.quantity,
					    it.list_price, it.cost_at_list, it.cost, it.customer_cost, it.repricing_config, it.offer
					from invoice i
					join invoice_line l on l.account_id = i.account_id and l.invoice_id = i.invoice_id
					left join invoice_line_item it on it.account_id = l.account_id and it.invoice_id = l.invoice_id
					    and it.line_no = l.line_no
					where i.month = :month and (cast(:account as text) is null or i.account_id = :account)
					order by i.created_at, i.account_id, i.invoice_id, l.line_no, it.item_no""", params, streamer::row);
			streamer.finish();
		});
	}

	private final class Streamer {

		private final ExportFormat writer;

		private Instant lastExportTime = Instant.EPOCH;

		private Invoice invoice;

		private Line line;

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
			if (this.line == null || this.line.lineNo != lineNo) {
				finishLine();
				this.line = new Line(lineNo, rs.getString(8), rs.getString(10), rs.getString(11), rs.getBigDecimal(13),
						rs.getBigDecimal(14), rs.getBigDecimal(15), rs.getBigDecimal(16), rs.getString(17),
						rs.getString(18), rs.getString(19));
			}
			if (rs.getObject(20) == null) {
				return;
			}
			int scale = RatingEngine.scale(this.invoice.currency);
			BigDecimal cost = rs.getBigDecimal(29).setScale(scale, RoundingMode.HALF_UP);
			BigDecimal customerCost = rs.getBigDecimal(30).setScale(scale, RoundingMode.HALF_UP);
			BigDecimal costAtList = rs.getBigDecimal(28).setScale(scale, RoundingMode.HALF_UP);
			this.line.cost = this.line.cost.add(cost);
			this.line.customerCost = this.line.customerCost.add(customerCost);
			this.line.costAtList = this.line.costAtList.add(costAtList);
			emit(new ExportRow(this.invoice.accountId, this.invoice.month, "regular", this.line.sku, instant(rs, 23),
					instant(rs, 24), rs.getString(21), cost, this.invoice.currency, rs.getBigDecimal(26),
					rs.getString(25), null, null, this.line.customerId, rs.getString(22), customerCost, costAtList,
					rs.getString(31), rs.getBigDecimal(27), rs.getString(32)));
		}

		private void finishLine() {
			if (this.line == null) {
				return;
			}
			Line l = this.line;
			this.line = null;
			if (!"REGULAR".equals(l.kind)) {
				String id = (l.adjustmentId != null) ? l.adjustmentId : this.invoice.invoiceId + "/" + l.lineNo;
				emit(new ExportRow(this.invoice.accountId, this.invoice.month, "adjustment", l.sku, null, null, null,
						l.lineCost, this.invoice.currency, l.quantity, null, null,
						new ExportRow.Adjustment(id, l.description, l.adjustmentType, "PARTIAL_CORRECTION"),
						l.customerId, null, l.lineCustomerCost, l.lineCostAtList, null, null, null));
				return;
			}
			BigDecimal cost = l.lineCost.subtract(l.cost);
			BigDecimal customerCost = l.lineCustomerCost.subtract(l.customerCost);
			BigDecimal costAtList = l.lineCostAtList.subtract(l.costAtList);
			if (cost.signum() != 0 || customerCost.signum() != 0 || costAtList.signum() != 0) {
				emit(new ExportRow(this.invoice.accountId, this.invoice.month, "rounding error", l.sku, null, null,
						null, cost, this.invoice.currency, null, null, null, null, l.customerId, null, customerCost,
						costAtList, null, null, null));
			}
		}

		private void finishInvoice() {
			finishLine();
			if (this.invoice == null) {
				return;
			}
			Invoice i = this.invoice;
			emit(new ExportRow(i.accountId, i.month, "tax", null, null, null, null, i.tax, i.currency, null, null, null,
					null, null, null, null, null, null, null, null));
			BillingExport.this.jdbc.sql("""
					select c.credit_id, c.type, ic.amount from invoice_credit ic
					join credit c on c.account_id = ic.account_id and c.credit_id = ic.credit_id
					where ic.account_id = :account and ic.invoice_id = :invoice order by c.created_at, c.credit_id""")
				.param("account", i.accountId)
				.param("invoice", i.invoiceId)
				.query((rs, n) -> new ExportRow.Credit(rs.getString(1), rs.getString(2), rs.getBigDecimal(3).negate()))
				.list()
				.forEach((credit) -> emit(
						new ExportRow(i.accountId, i.month, "adjustment", null, null, null, null, BigDecimal.ZERO,
								i.currency, null, null, credit, null, null, null, null, null, null, null, null)));
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

		private static Instant instant(ResultSet rs, int column) throws SQLException {
			OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
			return (value != null) ? value.toInstant() : null;
		}

	}

	private record Invoice(String accountId, String invoiceId, String month, String currency, BigDecimal tax,
			Instant createdAt) {
	}

	private static final class Line {

		final int lineNo;

		final String kind;

		final String customerId;

		final String sku;

		final BigDecimal quantity;

		final BigDecimal lineCostAtList;

		final BigDecimal lineCost;

		final BigDecimal lineCustomerCost;

		final String adjustmentId;

		final String adjustmentType;

		final String description;

		BigDecimal cost = BigDecimal.ZERO;

		BigDecimal customerCost = BigDecimal.ZERO;

		BigDecimal costAtList = BigDecimal.ZERO;

		Line(int lineNo, String kind, String customerId, String sku, BigDecimal quantity, BigDecimal lineCostAtList,
				BigDecimal lineCost, BigDecimal lineCustomerCost, String adjustmentId, String adjustmentType,
				String description) {
			this.lineNo = lineNo;
			this.kind = kind;
			this.customerId = customerId;
			this.sku = sku;
			this.quantity = quantity;
			this.lineCostAtList = lineCostAtList;
			this.lineCost = lineCost;
			this.lineCustomerCost = lineCustomerCost;
			this.adjustmentId = adjustmentId;
			this.adjustmentType = adjustmentType;
			this.description = description;
		}

	}

}
