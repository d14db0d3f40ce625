package com.cloudpartner.entitlement.entitlement;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.cloudpartner.entitlement.catalog.Family;
import com.cloudpartner.entitlement.catalog.Offer;
import com.cloudpartner.entitlement.catalog.Unit;
import com.cloudpartner.support.problem.ApiProblem;
import com.cloudpartner.support.problem.ApiProblem.FieldError;

import org.springframework.http.HttpStatus;

/**
 * The checks of a purchase that need nothing but the request and the offer: resource
 * names and parameters.
 */
final class EntitlementRules {

	static final String MAX_UNITS = "maxUnits";

	static final String ASSIGNED_UNITS = "assignedUnits";

	private static final Pattern OFFER_NAME = Pattern.compile("offers/([a-z0-9][a-z0-9-]{0,62})");

	private static final Pattern BILLING_ACCOUNT_NAME = Pattern.compile("accounts/([^/]+)/billingAccounts/([^/]+)");

	private static final Pattern DIGITS = Pattern.compile("\\d{1,18}");

	private EntitlementRules() {
	}

	/** The offer id of {@code offers/{id}}. */
	static String offerId(String offerName) {
		Matcher matcher = OFFER_NAME.matcher(offerName);
		if (!matcher.matches()) {
			throw ApiProblem.invalidField("offer",
					"must be an offer name such as offers/server-basic-2vcpu-4gb-monthly");
		}
		return matcher.group(1);
	}

	/** The billing account id, which must belong to the purchasing account. */
	static String billingAccountId(String accountId, String billingAccountName) {
		Matcher matcher = BILLING_ACCOUNT_NAME.matcher(billingAccountName);
		if (!matcher.matches()) {
			throw ApiProblem.invalidField("billingAccount",
					"must be a billing account name such as accounts/" + accountId + "/billingAccounts/{id}");
		}
		if (!matcher.group(1).equals(accountId)) {
			throw billingAccountNotFound(billingAccountName);
		}
		return matcher.group(2);
	}

	static ApiProblem billingAccountNotFound(String billingAccountName) {
		return ApiProblem.notFound("BILLING_ACCOUNT_NOT_FOUND",
				"There is no billing account " + billingAccountName + " of this partner.");
	}

	/**
	 * The parameters to store: {@code maxUnits}, an integer of at least 1 required for
	 * licences sold per seat, and {@code assignedUnits}, how many of them the partner has
	 * assigned to users (0 to maxUnits).
	 */
	static List<Parameter> parameters(Family family, Offer offer, List<Parameter> requested) {
		List<FieldError> errors = new ArrayList<>();
		Long maxUnits = null;
		Long assignedUnits = null;
		List<Parameter> given = (requested != null) ? requested : List.of();
		for (int i = 0; i < given.size(); i++) {
			Parameter parameter = given.get(i);
			String field = "parameters[" + i + "]";
			if (parameter == null || parameter.name() == null) {
				errors.add(new FieldError(field + ".name", "must not be blank"));
				continue;
			}
			boolean max = MAX_UNITS.equals(parameter.name());
			if (!max && !ASSIGNED_UNITS.equals(parameter.name())) {
				errors.add(new FieldError(field + ".name",
						"is not a parameter of this offer (known: maxUnits, assignedUnits)"));
				continue;
			}
			if ((max && maxUnits != null) || (!max && assignedUnits != null)) {
				errors.add(new FieldError(field + ".name", "is given twice"));
				continue;
			}
			Long value = integer(parameter.value());
			if (value == null || value < (max ? 1 : 0)) {
				errors.add(new FieldError(field + ".value",
						parameter.name() + " must be an integer of at least " + (max ? 1 : 0)));
				value = max ? 1L : 0L;
			}
			if (max) {
				maxUnits = value;
			}
			else {
				assignedUnits = value;
			}
		}
		if (maxUnits == null && family == Family.LICENSE && offer.hasPriceIn(Unit.SEAT_MONTH)) {
			errors.add(new FieldError("parameters", "maxUnits is required for a licence sold per seat"));
		}
		if (assignedUnits != null && maxUnits != null && assignedUnits > maxUnits) {
			errors.add(new FieldError("parameters", "assignedUnits must not exceed maxUnits"));
		}
		if (!errors.isEmpty()) {
			throw new ApiProblem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "The request has invalid fields.",
					errors);
		}
		List<Parameter> result = new ArrayList<>();
		if (maxUnits != null) {
			result.add(new Parameter(MAX_UNITS, maxUnits));
		}
		if (assignedUnits != null) {
			result.add(new Parameter(ASSIGNED_UNITS, assignedUnits));
		}
		return List.copyOf(result);
	}

	/** An integer given as a JSON integer or a string of digits, else null. */
	static Long integer(Object value) {
		if (value instanceof Integer || value instanceof Long || value instanceof Short) {
			return ((Number) value).longValue();
		}
		if (value instanceof BigInteger big && big.bitLength() < 64) {
			return big.longValue();
		}
		if (value instanceof String text && DIGITS.matcher(text).matches()) {
			return Long.parseLong(text);
		}
		return null;
	}

}
