package com.cloudpartner.partner.accounts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A partner (reseller) account: created when the operator approves a partner, with the
 * contract agreed with sales and the settings the partner maintains itself.
 */
public record PartnerAccount(String id, String publicId, String displayName, State state, Contract contract,
		Settings settings, Instant createTime, Instant updateTime) {

	/** Whether the partner may act. */
	public enum State {

		ACTIVE, SUSPENDED

	}

	public boolean active() {
		return this.state == State.ACTIVE;
	}

	/**
	 * @param reference the contract's reference with sales
	 * @param supplyDiscountPercent the discount on list prices that makes the supply
	 * price
	 * @param currencyCode ISO 4217
	 */
	public record Contract(String reference, BigDecimal supplyDiscountPercent, String currencyCode) {
	}

	/** What the partner maintains itself. */
	public record Settings(List<Contact> contacts, String callbackUrl, String consoleLoginUrl,
			int consoleSessionTtlMinutes, Contact taxContact, Branding branding) {

		public static final int DEFAULT_CONSOLE_SESSION_TTL_MINUTES = 30;

		public static Settings defaults() {
			return new Settings(List.of(), null, null, DEFAULT_CONSOLE_SESSION_TTL_MINUTES, null,
					new Branding(null, null, null));
		}

	}

	/**
	 * A person to reach; {@code role} says for what (BUSINESS, TECHNICAL, BILLING, ...).
	 */
	public record Contact(String role, String name, String email, String phone) {
	}

	/** How the white-label console presents the partner. */
	public record Branding(String displayName, String logoUrl, String primaryColor) {
	}

}
