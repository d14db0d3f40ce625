package com.cloudpartner.billing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import tools.jackson.databind.node.ObjectNode;

import com.cloudpartner.billing.money.MoneyHistory;
import com.cloudpartner.billing.money.MoneyHistory.Entitlement;
import com.cloudpartner.billing.money.MoneyHistory.Version;

/**
 * The events partner-service and entitlement-service send billing during a generated
 * month, each with the time it is sent: a partner's approval and the catalog before the
 * month, a supply discount or a price version when it is published (at its effective time
 * or announced ahead), each entitlement change when it happens. MoneyPathIT delivers them
 * in that order between usage batches, so that billing meets a change inside the month as
 * it would in production: after usage was already rated without it.
 */
final class MoneyTimeline {

	static final String CONTRACTS = "contract_version";

	static final String PRICES = "price_book_entry";

	static final String ENTITLEMENTS = "entitlement_version";

	private MoneyTimeline() {
	}

	/**
	 * One event and when it is sent.
	 *
	 * @param at when
	 * @param topic its topic
	 * @param event the CloudEvent
	 * @param table the projection it adds rows to
	 * @param rows how many
	 * @param transfer whether it is a transfer (sent after the others of its moment, as
	 * it ends an entitlement those may still change)
	 */
	record Delivery(Instant at, String topic, ObjectNode event, String table, int rows, boolean transfer) {
	}

	/** Every event of the history, in sending order. */
	static List<Delivery> of(MoneyHistory h) {
		List<Delivery> deliveries = new ArrayList<>();
		for (MoneyHistory.Partner partner : h.partners()) {
			MoneyHistory.Discount approved = partner.discounts().getFirst();
			ObjectNode event = BillingClient.partnerApproved(partner.accountId());
			((ObjectNode) event.at("/data/contract")).put("supplyDiscountPercent", approved.percent().toPlainString());
			deliveries.add(new Delivery(approved.published(), "partner-events", event, CONTRACTS, 1, false));
			for (MoneyHistory.Discount discount : partner.discounts().subList(1, partner.discounts().size())) {
				deliveries.add(new Delivery(discount.published(), "partner-events", contractChanged(partner, discount),
						CONTRACTS, 1, false));
			}
		}
		for (MoneyHistory.Offer offer : h.offers()) {
			for (MoneyHistory.Price price : offer.versions()) {
				deliveries.add(new Delivery(price.published(), "entitlement-events", offerPublished(offer, price),
						PRICES, 1, false));
			}
		}
		for (Entitlement entitlement : h.entitlements()) {
			for (Version version : entitlement.versions()) {
				boolean transfer = version.event().equals("entitlement.transferred");
				if (transfer && entitlement.transferredFrom() == null) {
					continue; // the target's entitlement.transferred ends it
				}
				// a transfer adds the target's version and ends the old entitlement
				deliveries.add(new Delivery(version.from(), "entitlement-events",
						entitlementEvent(h, entitlement, version), ENTITLEMENTS, transfer ? 2 : 1, transfer));
			}
		}
		deliveries.sort(Comparator.comparing(Delivery::at));
		return deliveries;
	}

	private static ObjectNode contractChanged(MoneyHistory.Partner partner, MoneyHistory.Discount discount) {
		ObjectNode changed = BillingClient.example("partner.contract.changed");
		changed.put("subject", "accounts/" + partner.accountId()).put("time", discount.published().toString());
		ObjectNode data = (ObjectNode) changed.get("data");
		data.put("accountId", partner.accountId()).put("effectiveTime", discount.from().toString());
		((ObjectNode) data.get("contract")).put("supplyDiscountPercent", discount.percent().toPlainString());
		return changed;
	}

	private static ObjectNode offerPublished(MoneyHistory.Offer offer, MoneyHistory.Price price) {
		ObjectNode event = BillingClient.offer(offer.offer(), offer.sku(), price.listPrice().toPlainString(), "0",
				price.from().toString());
		event.put("time", price.published().toString());
		ObjectNode data = (ObjectNode) event.get("data");
		((ObjectNode) data.at("/prices/0")).put("meter", offer.meter()).put("unit", offer.unit().name());
		if (price.monthlyPrice() != null) {
			((ObjectNode) data.get("monthlyPrice")).put("amount", price.monthlyPrice().toPlainString());
		}
		else {
			data.remove("monthlyPrice");
		}
		return event;
	}

	private static ObjectNode entitlementEvent(MoneyHistory h, Entitlement entitlement, Version version) {
		boolean transfer = version.event().equals("entitlement.transferred");
		ObjectNode event = BillingClient.example(transfer ? "entitlement.transferred" : "entitlement.changed");
		String name = "accounts/" + entitlement.accountId() + "/customers/" + entitlement.customerId()
				+ "/entitlements/" + entitlement.entitlementId();
		event.put("type", version.event()).put("subject", name).put("time", version.from().toString());
		ObjectNode data = (ObjectNode) event.get("data");
		String sku = h.offers()
			.stream()
			.filter((o) -> o.offer().equals(version.offer()))
			.findFirst()
			.orElseThrow()
			.sku();
		data.put("name", name)
			.put("accountId", entitlement.accountId())
			.put("customerId", entitlement.customerId())
			.put("entitlementId", entitlement.entitlementId())
			.put("offer", version.offer())
			.put("sku", sku)
			.put("state", version.state())
			.put("updateTime", version.from().toString());
		data.putArray("parameters").addObject().put("name", "maxUnits").put("value", version.maxUnits());
		if (version.event().equals("entitlement.changed")) {
			data.put("changeType", changeType(entitlement, version));
		}
		if (entitlement.transferredFrom() != null) {
			String from = entitlement.transferredFrom()[0];
			String fromEntitlement = h.entitlements()
				.stream()
				.filter((e) -> e.accountId().equals(from) && e.entitlementId().equals(entitlement.transferredFrom()[1]))
				.findFirst()
				.map((e) -> "accounts/" + from + "/customers/" + e.customerId() + "/entitlements/" + e.entitlementId())
				.orElseThrow();
			data.put("fromAccountId", from)
				.put("fromEntitlement", fromEntitlement)
				.put("toAccountId", entitlement.accountId())
				.put("toEntitlement", name)
				.put("transferTime", version.from().toString());
		}
		return event;
	}

	/** CHANGE_OFFER when the offer changed from the version before, else parameters. */
	private static String changeType(Entitlement entitlement, Version version) {
		int index = entitlement.versions().indexOf(version);
		Version before = entitlement.versions().get(Math.max(0, index - 1));
		return before.offer().equals(version.offer()) ? "CHANGE_PARAMETERS" : "CHANGE_OFFER";
	}

}
