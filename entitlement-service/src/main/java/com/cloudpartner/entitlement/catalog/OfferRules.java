package com.cloudpartner.entitlement.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.cloudpartner.support.problem.ApiProblem;
import com.cloudpartner.support.problem.ApiProblem.FieldError;

import org.springframework.http.HttpStatus;

/**
 * What makes an offer consistent with its SKU: every price on one of the SKU's meters in
 * that meter's unit, each meter priced once, one currency throughout.
 */
final class OfferRules {

	private static final Pattern SKU_NAME = Pattern
		.compile("products/([a-z0-9][a-z0-9-]{0,62})/skus/([a-z0-9][a-z0-9-]{0,62})");

	private OfferRules() {
	}

	/** The product and SKU id of a SKU resource name, or a 400 on the field. */
	static String[] parseSkuName(String name) {
		Matcher matcher = SKU_NAME.matcher((name != null) ? name : "");
		if (!matcher.matches()) {
			throw ApiProblem.invalidField("sku",
					"must be a SKU name such as products/server-basic/skus/basic-2vcpu-4gb");
		}
		return new String[] { matcher.group(1), matcher.group(2) };
	}

	static Offer offer(NewOffer request, Sku sku, Instant now) {
		List<FieldError> errors = new ArrayList<>();
		List<Price> prices = new ArrayList<>();
		Set<String> priced = new HashSet<>();
		String currency = null;
		for (int i = 0; i < request.prices().size(); i++) {
			NewOffer.NewPrice price = request.prices().get(i);
			String field = "prices[" + i + "]";
			Optional<Meter> meter = sku.meter(price.meter());
			if (meter.isEmpty()) {
				errors.add(new FieldError(field + ".meter", "is not a meter of " + sku.name()));
			}
			else if (meter.get().unit() != price.unit()) {
				errors.add(new FieldError(field + ".unit",
						"must be " + meter.get().unit() + ", the unit of meter " + price.meter()));
			}
			if (!priced.add(price.meter())) {
				errors.add(new FieldError(field + ".meter", "is priced twice"));
			}
			String code = price.listPrice().currencyCode();
			if (currency == null) {
				currency = code;
				if (!isCurrency(code)) {
					errors.add(new FieldError(field + ".listPrice.currencyCode", "is not an ISO 4217 currency"));
				}
			}
			else if (!currency.equals(code)) {
				errors.add(new FieldError(field + ".listPrice.currencyCode",
						"must be " + currency + " like the first price"));
			}
			prices.add(new Price(price.meter(), price.unit(), price.listPrice().decimal()));
		}
		if (request.monthlyPrice() != null && currency != null
				&& !currency.equals(request.monthlyPrice().currencyCode())) {
			errors.add(new FieldError("monthlyPrice.currencyCode", "must be " + currency + " like the prices"));
		}
		if (!errors.isEmpty()) {
			throw new ApiProblem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "The offer does not fit its SKU.",
					errors);
		}
		return new Offer(request.id(), sku.productId(), sku.id(), request.displayName(), request.paymentPlan(),
				request.duration(), request.periodType(), currency, prices,
				(request.monthlyPrice() != null) ? request.monthlyPrice().decimal() : null,
				(request.effectiveTime() != null) ? request.effectiveTime() : now, Offer.ANY_PARTNER);
	}

	private static boolean isCurrency(String code) {
		try {
			Currency.getInstance(code);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
