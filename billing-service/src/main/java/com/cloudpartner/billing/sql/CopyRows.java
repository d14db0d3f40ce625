package com.cloudpartner.billing.sql;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import javax.sql.DataSource;

import org.postgresql.PGConnection;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;

/**
 * Rows in {@code COPY}'s text format, sent with {@code COPY ... FROM STDIN} on the
 * transaction's connection: for many rows, less work than binding each column as an array
 * for {@code unnest} (PgJDBC quotes and escapes every element of a text array, and
 * PostgreSQL parses the array back) - the invoices of a billing run go this way (a usage
 * batch's billable periods go in the binary format: {@link BinaryCopyRows}). Values are
 * tab-separated: {@code \N} for null, backslash escapes for backslash, tab and line
 * breaks, instants and other values as their {@code toString}. Decimals with more places
 * than the table's numeric columns keep are rounded half away from zero to those places
 * first, as PostgreSQL rounds them on input (so the stored value is the same, without
 * printing 34-digit quotients).
 * <p>
 * The text is kept as UTF-8 chunks of about {@value #CHUNK} characters, not as one
 * buffer: a billing run's batch of invoices comes to hundreds of KB, and a buffer grown
 * to that size (and its copies as a string and as bytes) is a humongous object to G1 with
 * the heap's 1 MB regions, each one starting a concurrent marking cycle (issue 13).
 */
public final class CopyRows {

	/** The characters encoded into one chunk: far below any G1 region's half. */
	static final int CHUNK = 1 << 14;

	private final StringBuilder text = new StringBuilder(CHUNK + 1024);

	private final List<byte[]> chunks = new ArrayList<>();

	private final int scale;

	private int rows;

	/** Rows of a table whose numeric columns have different scales: no rounding. */
	public CopyRows() {
		this(Integer.MAX_VALUE);
	}

	/**
	 * Rows of a table whose numeric columns all keep {@code scale} decimal places.
	 * @param scale their scale
	 */
	public CopyRows(int scale) {
		this.scale = scale;
	}

	/** Adds a row: its values in the order of the {@code COPY}'s columns. */
	public void add(Object... values) {
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				this.text.append('\t');
			}
			Object value = values[i];
			if (value == null) {
				this.text.append("\\N");
			}
			else if (value instanceof BigDecimal decimal) {
				this.text.append(
						((decimal.scale() > this.scale) ? decimal.setScale(this.scale, RoundingMode.HALF_UP) : decimal)
							.toPlainString());
			}
			else if (value instanceof Integer number) {
				this.text.append(number.intValue());
			}
			else if (value instanceof Long number) {
				this.text.append(number.longValue());
			}
			else if (value instanceof String string) {
				escaped(string);
			}
			else {
				// instants, months, UUIDs: no character to escape
				this.text.append(value);
			}
		}
		this.text.append('\n');
		this.rows++;
		if (this.text.length() >= CHUNK) {
			flush();
		}
	}

	private void flush() {
		if (!this.text.isEmpty()) {
			this.chunks.add(this.text.toString().getBytes(StandardCharsets.UTF_8));
			this.text.setLength(0);
		}
	}

	private void escaped(String value) {
		int length = value.length();
		int plain = 0;
		while (plain < length && !special(value.charAt(plain))) {
			plain++;
		}
		if (plain == length) {
			// the usual case, copied whole: append(value, 0, plain) copies char by char
			this.text.append(value);
			return;
		}
		this.text.append(value, 0, plain);
		for (int c = plain; c < length; c++) {
			char ch = value.charAt(c);
			switch (ch) {
				case '\\' -> this.text.append("\\\\");
				case '\t' -> this.text.append("\\t");
				case '\n' -> this.text.append("\\n");
				case '\r' -> this.text.append("\\r");
				default -> this.text.append(ch);
			}
		}
	}

	private static boolean special(char ch) {
		return ch == '\\' || ch == '\t' || ch == '\n' || ch == '\r';
	}

	public boolean isEmpty() {
		return this.rows == 0;
	}

	private InputStream stream() {
		flush();
		List<InputStream> streams = new ArrayList<>(this.chunks.size());
		for (byte[] chunk : this.chunks) {
			streams.add(new ByteArrayInputStream(chunk));
		}
		return new SequenceInputStream(Collections.enumeration(streams));
	}

	/**
	 * Sends the rows with {@code sql} ({@code COPY ... FROM STDIN}) on the connection of
	 * the current transaction; nothing when there are none. Errors are translated as
	 * {@code JdbcTemplate} translates them (a unique violation is a
	 * {@code DuplicateKeyException}).
	 * @param dataSource the data source of the transaction
	 * @param sql the {@code COPY} statement
	 */
	public void copy(DataSource dataSource, String sql) {
		if (isEmpty()) {
			return;
		}
		send(dataSource, sql, stream());
	}

	/**
	 * Sends {@code data} with {@code sql} ({@code COPY ... FROM STDIN}) on the connection
	 * of the current transaction, errors translated as {@code JdbcTemplate} translates
	 * them.
	 */
	static void send(DataSource dataSource, String sql, InputStream data) {
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, data);
		}
		catch (SQLException | IOException ex) {
			throw translated(ex, dataSource);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	private static RuntimeException translated(Exception ex, DataSource dataSource) {
		if (ex instanceof SQLException sql) {
			RuntimeException translated = new SQLErrorCodeSQLExceptionTranslator(dataSource).translate("COPY", null,
					sql);
			if (translated != null) {
				return translated;
			}
		}
		return new DataAccessResourceFailureException("COPY failed: " + ex.getMessage(), ex);
	}

	@Override
	public String toString() {
		StringBuilder all = new StringBuilder();
		for (byte[] chunk : this.chunks) {
			all.append(new String(chunk, StandardCharsets.UTF_8));
		}
		return all.append(this.text).toString();
	}

}
