package com.cloudpartner.billing.sql;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

/**
 * Rows in {@code COPY}'s binary format ({@code COPY ... FROM STDIN (FORMAT binary)}), for
 * the many rows of a usage batch's billable periods: nothing to escape or format in the
 * JVM, and nothing for PostgreSQL to parse (a UUID, a timestamp or a number in text costs
 * it more than the row's bytes). Each row is {@link #row()} followed by exactly the
 * {@code COPY}'s columns, in order, written by the method of the column's type; a value
 * is sent as the column's binary form, so the types must match the columns exactly
 * ({@code uuid}, {@code text}, {@code smallint}, {@code bigint}, {@code timestamptz},
 * {@code date}).
 * <p>
 * The bytes are kept in chunks of {@value #CHUNK} bytes, far below half a G1 region, as
 * {@link CopyRows} keeps its text (issue 13).
 */
public final class BinaryCopyRows {

	static final int CHUNK = 1 << 15;

	/** PostgreSQL's epoch, 2000-01-01T00:00:00Z, in Unix seconds. */
	private static final long PG_EPOCH_SECOND = 946_684_800L;

	/** PostgreSQL's epoch as a day of the Unix epoch. */
	private static final long PG_EPOCH_DAY = 10_957L;

	private static final byte[] SIGNATURE = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0 };

	private final List<InputStream> chunks = new ArrayList<>();

	private final int columns;

	private byte[] buffer = new byte[CHUNK];

	private int at;

	private int rows;

	private int written;

	private boolean sent;

	/** Rows of {@code columns} values each. */
	public BinaryCopyRows(int columns) {
		this.columns = columns;
		ensure(SIGNATURE.length + 8);
		System.arraycopy(SIGNATURE, 0, this.buffer, 0, SIGNATURE.length);
		this.at = SIGNATURE.length;
		putInt(0); // flags: no OIDs
		putInt(0); // header extension length
	}

	/** Starts a row; its values follow. */
	public BinaryCopyRows row() {
		if (this.rows > 0 && this.written != this.columns) {
			throw new IllegalStateException(
					"Row " + this.rows + " has " + this.written + " values for " + this.columns + " columns");
		}
		this.rows++;
		this.written = 0;
		ensure(2);
		putShort(this.columns);
		return this;
	}

	public BinaryCopyRows uuid(UUID value) {
		value();
		ensure(20);
		putInt(16);
		putLong(value.getMostSignificantBits());
		putLong(value.getLeastSignificantBits());
		return this;
	}

	/** A {@code text} value, in UTF-8 (the database's encoding). */
	public BinaryCopyRows text(String value) {
		value();
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		ensure(4 + bytes.length);
		putInt(bytes.length);
		System.arraycopy(bytes, 0, this.buffer, this.at, bytes.length);
		this.at += bytes.length;
		return this;
	}

	public BinaryCopyRows int2(int value) {
		if (value != (short) value) {
			throw new IllegalArgumentException(value + " is not a smallint");
		}
		value();
		ensure(6);
		putInt(2);
		putShort(value);
		return this;
	}

	public BinaryCopyRows int8(long value) {
		value();
		ensure(12);
		putInt(8);
		putLong(value);
		return this;
	}

	/**
	 * A {@code timestamptz}: microseconds since PostgreSQL's epoch; an instant finer than
	 * a microsecond is refused (the column could not hold it).
	 */
	public BinaryCopyRows timestamptz(Instant value) {
		if (value.getNano() % 1000 != 0) {
			throw new IllegalArgumentException(value + " is finer than a microsecond");
		}
		return int8(Math.addExact(Math.multiplyExact(value.getEpochSecond() - PG_EPOCH_SECOND, 1_000_000L),
				value.getNano() / 1000));
	}

	/** A {@code date}: days since PostgreSQL's epoch. */
	public BinaryCopyRows date(LocalDate value) {
		value();
		ensure(8);
		putInt(4);
		putInt(Math.toIntExact(value.toEpochDay() - PG_EPOCH_DAY));
		return this;
	}

	private void value() {
		if (this.rows == 0 || this.written == this.columns) {
			throw new IllegalStateException(
					"A value outside a row, or more values than the " + this.columns + " columns, in row " + this.rows);
		}
		this.written++;
	}

	public boolean isEmpty() {
		return this.rows == 0;
	}

	/**
	 * Sends the rows with {@code sql} ({@code COPY ... FROM STDIN (FORMAT binary)}) on
	 * the connection of the current transaction; nothing when there are none. Errors are
	 * translated as {@code JdbcTemplate} translates them (a unique violation is a
	 * {@code DuplicateKeyException}).
	 */
	public void copy(DataSource dataSource, String sql) {
		if (isEmpty()) {
			return;
		}
		if (this.sent) {
			throw new IllegalStateException("These rows were sent already");
		}
		this.sent = true;
		if (this.written != this.columns) {
			throw new IllegalStateException(
					"Row " + this.rows + " has " + this.written + " values for " + this.columns + " columns");
		}
		ensure(2);
		putShort(-1); // the trailer
		List<InputStream> streams = new ArrayList<>(this.chunks);
		streams.add(new ByteArrayInputStream(this.buffer, 0, this.at));
		CopyRows.send(dataSource, sql, new SequenceInputStream(Collections.enumeration(streams)));
	}

	private void ensure(int bytes) {
		if (this.at + bytes > this.buffer.length) {
			this.chunks.add(new ByteArrayInputStream(this.buffer, 0, this.at));
			this.buffer = new byte[Math.max(CHUNK, bytes)];
			this.at = 0;
		}
	}

	private void putShort(int value) {
		this.buffer[this.at++] = (byte) (value >>> 8);
		this.buffer[this.at++] = (byte) value;
	}

	private void putInt(int value) {
		this.buffer[this.at++] = (byte) (value >>> 24);
		this.buffer[this.at++] = (byte) (value >>> 16);
		this.buffer[this.at++] = (byte) (value >>> 8);
		this.buffer[this.at++] = (byte) value;
	}

	private void putLong(long value) {
		putInt((int) (value >>> 32));
		putInt((int) value);
	}

}
