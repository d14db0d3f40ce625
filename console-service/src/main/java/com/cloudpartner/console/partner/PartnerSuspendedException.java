package com.cloudpartner.console.partner;

import org.springframework.web.client.RestClientResponseException;

/**
 * The partner of the console's customer is suspended: an upstream service answered
 * {@code 403 PARTNER_SUSPENDED}. Pages show the suspension notice instead of the console.
 */
public class PartnerSuspendedException extends RuntimeException {

	public static final String CODE = "PARTNER_SUSPENDED";

	public PartnerSuspendedException(String accountId) {
		super("partner account " + accountId + " is suspended");
	}

	/** Whether an upstream refusal says that the partner is suspended. */
	public static boolean isSuspension(RestClientResponseException ex) {
		return ex.getStatusCode().value() == 403 && ex.getResponseBodyAsString().contains(CODE);
	}

}
