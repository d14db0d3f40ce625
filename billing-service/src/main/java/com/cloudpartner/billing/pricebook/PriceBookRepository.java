package com.cloudpartner.billing.pricebook;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import com.cloudpartner.billing.rating.MeterUnit;
import com.cloudpartner.billing.rating.PriceVersion;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every published price version of every offer, from {@code offer.published}. */
@Repository
public class PriceBookRepository {

	private final JdbcClient jdbc;

	PriceBookRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The versions in a currency published before the given instant. */
	public List<PriceVersion> versionsBefore(String currencyCode, Instant end) {
		return this.jdbc.sql("""
				select offer, sku, meter, unit, list_price, currency_code, monthly_price, effective_from
				from price_book_entry where currency_code = :currency and effective_from < :end""")
			.param("currency", currencyCode)
			.param("end", end.atOffset(ZoneOffset.UTC))
			.query((rs, n) -> new PriceVersion(rs.getString(1), rs.getString(2), rs.getString(3),
					MeterUnit.valueOf(rs.getString(4)), rs.getBigDecimal(5), rs.getString(6), rs.getBigDecimal(7),
					rs.getObject(8, java.time.OffsetDateTime.class).toInstant()))
			.list();
	}

	/** Stores a version; publishing the same offer, meter and time again corrects it. */
	void save(PriceVersion version) {
		this.jdbc.sql("""
				insert into price_book_entry (offer, meter, effective_from, sku, unit, list_price, currency_code,
				    monthly_price)
				values (:offer, :meter, :effectiveFrom, :sku, :unit, :listPrice, :currency, :monthlyPrice)
				on conflict (offer, meter, effective_from) do update set sku = excluded.sku, unit = excluded.unit,
				    list_price = excluded.list_price, currency_code = excluded.currency_code,
				    monthly_price = excluded.monthly_price""")
			.param("offer", version.offer())
			.param("meter", version.meter())
			.param("effectiveFrom", version.effectiveFrom().atOffset(ZoneOffset.UTC))
			.param("sku", version.sku())
			.param("unit", version.unit().name())
			.param("listPrice", version.listPrice())
			.param("currency", version.currencyCode())
			.param("monthlyPrice", version.monthlyPrice(), java.sql.Types.NUMERIC)
			.update();
	}

}
