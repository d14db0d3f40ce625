package com.cloudpartner.entitlement.catalog;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import com.cloudpartner.entitlement.common.PageRequest;
import com.cloudpartner.entitlement.common.PageRequest.Page;

import com.cloudpartner.support.problem.ApiProblem;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The catalog tables. Reads are public (entitlements check offers against them); writes
 * go through {@link CatalogManagement}.
 */
@Repository
public class Catalog {

	private static final String OFFER_COLUMNS = "id, product_id, sku_id, display_name, payment_plan, cycle_duration, "
			+ "period_type, currency, monthly_price, effective_from, availability_mode";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	Catalog(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public Optional<Product> findProduct(String id) {
		return this.jdbc.sql("select id, display_name, family, purchasable from product where id = :id")
			.param("id", id)
			.query(this::product)
			.optional();
	}

	Page<Product> listProducts(PageRequest page) {
		List<Product> rows = this.jdbc
			.sql("select id, display_name, family, purchasable from product where (:first or id > :after) "
					+ "order by id limit :limit")
			.param("first", page.first())
			.param("after", page.first() ? "" : page.after().get(0))
			.param("limit", page.fetchSize())
			.query(this::product)
			.list();
		return page.page(rows, (p) -> List.of(p.id()));
	}

	public Optional<Sku> findSku(String productId, String skuId) {
		return this.jdbc
			.sql("select product_id, id, display_name, meters::text from sku where product_id = :product and id = :id")
			.param("product", productId)
			.param("id", skuId)
			.query(this::sku)
			.optional();
	}

	Page<Sku> listSkus(String productId, PageRequest page) {
		List<Sku> rows = this.jdbc
			.sql("select product_id, id, display_name, meters::text from sku "
					+ "where product_id = :product and (:first or id > :after) order by id limit :limit")
			.param("product", productId)
			.param("first", page.first())
			.param("after", page.first() ? "" : page.after().get(0))
			.param("limit", page.fetchSize())
			.query(this::sku)
			.list();
		return page.page(rows, (s) -> List.of(s.id()));
	}

	public Optional<Offer> findOffer(String id) {
		return this.jdbc.sql("select " + OFFER_COLUMNS + " from offer where id = :id")
			.param("id", id)
			.query(this::offerHead)
			.optional()
			.map((head) -> head.with(prices(List.of(id)).getOrDefault(id, List.of())));
	}

	/**
	 * Offers by id.
	 * @param page the page
	 * @param availableToAnyPartner only offers that every partner may resell
	 */
	Page<Offer> listOffers(PageRequest page, boolean availableToAnyPartner) {
		List<OfferHead> heads = this.jdbc
			.sql("select " + OFFER_COLUMNS + " from offer where (:first or id > :after) "
					+ "and (not :onlyAny or availability_mode = 'ANY_PARTNER') order by id limit :limit")
			.param("first", page.first())
			.param("after", page.first() ? "" : page.after().get(0))
			.param("onlyAny", availableToAnyPartner)
			.param("limit", page.fetchSize())
			.query(this::offerHead)
			.list();
		Map<String, List<Price>> prices = heads.isEmpty() ? Map.of()
				: prices(heads.stream().map(OfferHead::id).toList());
		List<Offer> offers = heads.stream().map((h) -> h.with(prices.getOrDefault(h.id(), List.of()))).toList();
		return page.page(offers, (o) -> List.of(o.id()));
	}

	void insertProduct(Product product, Instant now) {
		conflictIfDuplicate("PRODUCT_EXISTS", product.name(),
				() -> this.jdbc
					.sql("insert into product (id, display_name, family, purchasable, create_time) "
							+ "values (:id, :displayName, :family, :purchasable, :now)")
					.param("id", product.id())
					.param("displayName", product.displayName())
					.param("family", product.family().name())
					.param("purchasable", product.purchasable())
					.param("now", Timestamp.from(now))
					.update());
	}

	void insertSku(Sku sku, Instant now) {
		conflictIfDuplicate("SKU_EXISTS", sku.name(),
				() -> this.jdbc
					.sql("insert into sku (product_id, id, display_name, meters, create_time) "
							+ "values (:product, :id, :displayName, cast(:meters as jsonb), :now)")
					.param("product", sku.productId())
					.param("id", sku.id())
					.param("displayName", sku.displayName())
					.param("meters", this.json.writeValueAsString(sku.meters()))
					.param("now", Timestamp.from(now))
					.update());
	}

	void insertOffer(Offer offer, Instant now) {
		conflictIfDuplicate("OFFER_EXISTS", offer.name(), () -> this.jdbc.sql("insert into offer (" + OFFER_COLUMNS
				+ ", create_time) values (:id, :product, :sku, "
				+ ":displayName, :plan, :duration, :periodType, :currency, :monthlyPrice, :effectiveFrom, :mode, :now)")
			.param("id", offer.id())
			.param("product", offer.productId())
			.param("sku", offer.skuId())
			.param("displayName", offer.displayName())
			.param("plan", offer.paymentPlan().name())
			.param("duration", offer.cycleDuration())
			.param("periodType", offer.periodType().name())
			.param("currency", offer.currency())
			.param("monthlyPrice", offer.monthlyPrice())
			.param("effectiveFrom", Timestamp.from(offer.effectiveFrom()))
			.param("mode", offer.availabilityMode())
			.param("now", Timestamp.from(now))
			.update());
		int position = 0;
		for (Price price : offer.prices()) {
			this.jdbc
				.sql("insert into offer_price (offer_id, position, meter, unit, list_price) "
						+ "values (:offer, :position, :meter, :unit, :listPrice)")
				.param("offer", offer.id())
				.param("position", position++)
				.param("meter", price.meter())
				.param("unit", price.unit().name())
				.param("listPrice", price.listPrice())
				.update();
		}
	}

	/** A concurrent create of the same id loses with the same 409 as a sequential one. */
	private static void conflictIfDuplicate(String code, String name, Runnable insert) {
		try {
			insert.run();
		}
		catch (DuplicateKeyException ex) {
			throw ApiProblem.conflict(code, name + " already exists.");
		}
	}

	private Map<String, List<Price>> prices(List<String> offerIds) {
		Map<String, List<Price>> prices = new LinkedHashMap<>();
		this.jdbc
			.sql("select offer_id, meter, unit, list_price from offer_price where offer_id in (:ids) "
					+ "order by offer_id, position")
			.param("ids", offerIds)
			.query((rs) -> {
				prices.computeIfAbsent(rs.getString(1), (k) -> new ArrayList<>())
					.add(new Price(rs.getString(2), Unit.valueOf(rs.getString(3)), rs.getBigDecimal(4)));
			});
		return prices;
	}

	private Product product(ResultSet rs, int row) throws SQLException {
		return new Product(rs.getString(1), rs.getString(2), Family.valueOf(rs.getString(3)), rs.getBoolean(4));
	}

	private Sku sku(ResultSet rs, int row) throws SQLException {
		return new Sku(rs.getString(1), rs.getString(2), rs.getString(3),
				List.of(this.json.readValue(rs.getString(4), Meter[].class)));
	}

	private OfferHead offerHead(ResultSet rs, int row) throws SQLException {
		return new OfferHead(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
				PaymentPlan.valueOf(rs.getString(5)), rs.getInt(6), PeriodType.valueOf(rs.getString(7)),
				rs.getString(8), rs.getBigDecimal(9), rs.getTimestamp(10).toInstant(), rs.getString(11));
	}

	private record OfferHead(String id, String productId, String skuId, String displayName, PaymentPlan paymentPlan,
			int cycleDuration, PeriodType periodType, String currency, BigDecimal monthlyPrice, Instant effectiveFrom,
			String availabilityMode) {

		Offer with(List<Price> prices) {
			return new Offer(this.id, this.productId, this.skuId, this.displayName, this.paymentPlan,
					this.cycleDuration, this.periodType, this.currency, prices, this.monthlyPrice, this.effectiveFrom,
					this.availabilityMode);
		}

	}

}
