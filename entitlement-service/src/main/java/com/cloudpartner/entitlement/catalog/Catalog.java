package com.cloudpartner.entitlement.catalog;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
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

	private final Clock clock;

	Catalog(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
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

	/** Every SKU with its product, by product and SKU id. */
	public List<ProductSku> allSkus() {
		return this.jdbc
			.sql("select p.id, p.display_name, p.family, p.purchasable, s.product_id, s.id, s.display_name, "
					+ "s.meters::text from sku s join product p on p.id = s.product_id order by s.product_id, s.id")
			.query((rs, n) -> new ProductSku(product(rs, n),
					new Sku(rs.getString(5), rs.getString(6), rs.getString(7),
							List.of(this.json.readValue(rs.getString(8), Meter[].class)))))
			.list();
	}

	/**
	 * A SKU and its product.
	 *
	 * @param product the product
	 * @param sku the SKU
	 */
	public record ProductSku(Product product, Sku sku) {

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

	/** The offer with the prices in effect now. */
	public Optional<Offer> findOffer(String id) {
		return this.jdbc.sql("select " + OFFER_COLUMNS + " from offer where id = :id")
			.param("id", id)
			.query(this::offerHead)
			.optional()
			.map((head) -> current(List.of(head)).get(0));
	}

	/**
	 * Share-locks the offer row for a purchase: an availability change (which locks it
	 * for update) waits for the purchase and then sees its entitlement as a resale.
	 */
	public void lockForPurchase(String id) {
		this.jdbc.sql("select id from offer where id = :id for share").param("id", id).query(String.class).optional();
	}

	/** Locks the offer row, so that availability changes and purchases serialize. */
	Optional<Offer> findOfferForUpdate(String id) {
		this.jdbc.sql("select id from offer where id = :id for update").param("id", id).query(String.class).optional();
		return findOffer(id);
	}

	/**
	 * Offers by id.
	 * @param page the page
	 * @param partnerAccountId only offers available to this partner; all when null
	 */
	Page<Offer> listOffers(PageRequest page, String partnerAccountId) {
		return page.page(offers("(:first or id > :after)", page, partnerAccountId, null), (o) -> List.of(o.id()));
	}

	/** Offers of some SKUs available to the partner, for purchase and transfer lists. */
	public List<Offer> offersOfSkus(String partnerAccountId, List<String> skuNames) {
		if (skuNames.isEmpty()) {
			return List.of();
		}
		return offers("(product_id || '/' || sku_id) in (:skus)", PageRequest.of(PageRequest.MAX_SIZE, null, 1),
				partnerAccountId,
				skuNames.stream().map((n) -> n.replace("products/", "").replace("/skus/", "/")).toList());
	}

	private List<Offer> offers(String condition, PageRequest page, String partnerAccountId, List<String> skus) {
		List<OfferHead> heads = this.jdbc
			.sql("select " + OFFER_COLUMNS + " from offer where " + condition + " and (:all "
					+ "or availability_mode = 'ANY_PARTNER' or (availability_mode = 'SELECTED_PARTNERS' and exists "
					+ "(select 1 from offer_partner p where p.offer_id = offer.id and p.account_id = :partner))) "
					+ "order by id limit :limit")
			.param("first", page.first())
			.param("after", page.first() ? "" : page.after().get(0))
			.param("skus", (skus != null) ? skus : List.of(""))
			.param("all", partnerAccountId == null)
			.param("partner", (partnerAccountId != null) ? partnerAccountId : "")
			.param("limit", page.fetchSize())
			.query(this::offerHead)
			.list();
		return heads.isEmpty() ? List.of() : current(heads);
	}

	/** Whether a partner may buy the offer. */
	public boolean availableTo(Offer offer, String accountId) {
		return switch (offer.availabilityMode()) {
			case Offer.ANY_PARTNER -> true;
			case "SELECTED_PARTNERS" -> selectedPartners(offer.id()).contains(accountId);
			default -> false;
		};
	}

	List<String> selectedPartners(String offerId) {
		return this.jdbc.sql("select account_id from offer_partner where offer_id = :offer order by account_id")
			.param("offer", offerId)
			.query(String.class)
			.list();
	}

	/**
	 * The partners that ever created an entitlement on the offer: they have resold it.
	 */
	List<String> resellers(String offerId) {
		return this.jdbc.sql("select distinct account_id from entitlement where offer_id = :offer order by account_id")
			.param("offer", offerId)
			.query(String.class)
			.list();
	}

	/** Partner accounts of the list that the partner projection does not know. */
	List<String> unknownPartners(List<String> accountIds) {
		if (accountIds.isEmpty()) {
			return List.of();
		}
		List<String> known = this.jdbc.sql("select id from partner_account where id in (:ids)")
			.param("ids", accountIds)
			.query(String.class)
			.list();
		return accountIds.stream().filter((id) -> !known.contains(id)).toList();
	}

	void replaceAvailability(String offerId, String mode, List<String> partners) {
		this.jdbc.sql("update offer set availability_mode = :mode where id = :offer")
			.param("mode", mode)
			.param("offer", offerId)
			.update();
		this.jdbc.sql("delete from offer_partner where offer_id = :offer").param("offer", offerId).update();
		for (String partner : partners) {
			this.jdbc.sql("insert into offer_partner (offer_id, account_id) values (:offer, :partner)")
				.param("offer", offerId)
				.param("partner", partner)
				.update();
		}
	}

	void insertPriceVersion(String offerId, Instant effectiveTime, List<Price> prices, BigDecimal monthlyPrice,
			Instant now) {
		conflictIfDuplicate("PRICE_VERSION_EXISTS", "The price version of offers/" + offerId + " at " + effectiveTime,
				() -> this.jdbc
					.sql("insert into offer_price_version (offer_id, effective_time, prices, monthly_price, "
							+ "create_time) values (:offer, :effective, cast(:prices as jsonb), :monthly, :now)")
					.param("offer", offerId)
					.param("effective", Timestamp.from(effectiveTime))
					.param("prices", this.json.writeValueAsString(prices))
					.param("monthly", monthlyPrice)
					.param("now", Timestamp.from(now))
					.update());
	}

	/** Every price version of an offer, the original first. */
	List<Offer> priceVersions(String offerId) {
		return this.jdbc.sql("select " + OFFER_COLUMNS + " from offer where id = :id")
			.param("id", offerId)
			.query(this::offerHead)
			.optional()
			.map((head) -> {
				List<Offer> versions = new ArrayList<>();
				versions.add(head.with(prices(List.of(offerId)).getOrDefault(offerId, List.of())));
				this.jdbc
					.sql("select effective_time, prices::text, monthly_price from offer_price_version "
							+ "where offer_id = :offer order by effective_time")
					.param("offer", offerId)
					.query((rs) -> {
						versions.add(head.version(List.of(this.json.readValue(rs.getString(2), Price[].class)),
								rs.getBigDecimal(3), rs.getTimestamp(1).toInstant()));
					});
				return versions;
			})
			.orElse(List.of());
	}

	/**
	 * Heads with the prices in effect now: the latest version that has begun, else the
	 * original.
	 */
	private List<Offer> current(List<OfferHead> heads) {
		List<String> ids = heads.stream().map(OfferHead::id).toList();
		Map<String, List<Price>> prices = prices(ids);
		Map<String, Offer> versions = new LinkedHashMap<>();
		Map<String, OfferHead> byId = new LinkedHashMap<>();
		heads.forEach((h) -> byId.put(h.id(), h));
		this.jdbc
			.sql("select distinct on (offer_id) offer_id, prices::text, monthly_price from offer_price_version "
					+ "where offer_id in (:ids) and effective_time <= :now order by offer_id, effective_time desc")
			.param("ids", ids)
			.param("now", Timestamp.from(this.clock.instant()))
			.query((rs) -> {
				OfferHead head = byId.get(rs.getString(1));
				versions.put(head.id(), head.version(List.of(this.json.readValue(rs.getString(2), Price[].class)),
						rs.getBigDecimal(3), head.effectiveFrom()));
			});
		return heads.stream()
			.map((h) -> versions.getOrDefault(h.id(), h.with(prices.getOrDefault(h.id(), List.of()))))
			.toList();
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

		Offer version(List<Price> prices, BigDecimal monthlyPrice, Instant effectiveTime) {
			return new Offer(this.id, this.productId, this.skuId, this.displayName, this.paymentPlan,
					this.cycleDuration, this.periodType, this.currency, prices, monthlyPrice, effectiveTime,
					this.availabilityMode);
		}

	}

}
