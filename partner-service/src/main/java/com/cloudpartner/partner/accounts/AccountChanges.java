package com.cloudpartner.partner.accounts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A partial change of an account: {@code null} leaves a value as it is, an empty string
 * clears an optional text.
 */
public record AccountChanges(List<PartnerAccount.Contact> contacts, String callbackUrl, String consoleLoginUrl,
		Integer consoleSessionTtlMinutes, PartnerAccount.Contact taxContact, PartnerAccount.Branding branding,
		ContractChange contract) {

	/** A partial change of the contract; only an operator makes one. */
	public record ContractChange(String reference, BigDecimal supplyDiscountPercent, String currencyCode) {
	}

	PartnerAccount applyTo(PartnerAccount current, Instant now) {
		PartnerAccount.Settings settings = current.settings();
		PartnerAccount.Branding branding = settings.branding();
		PartnerAccount.Branding newBranding = (this.branding == null) ? branding
				: new PartnerAccount.Branding(text(this.branding.displayName(), branding.displayName()),
						text(this.branding.logoUrl(), branding.logoUrl()),
						text(this.branding.primaryColor(), branding.primaryColor()));
		PartnerAccount.Settings newSettings = new PartnerAccount.Settings(
				(this.contacts != null) ? List.copyOf(this.contacts) : settings.contacts(),
				text(this.callbackUrl, settings.callbackUrl()), text(this.consoleLoginUrl, settings.consoleLoginUrl()),
				(this.consoleSessionTtlMinutes != null) ? this.consoleSessionTtlMinutes
						: settings.consoleSessionTtlMinutes(),
				(this.taxContact != null) ? this.taxContact : settings.taxContact(), newBranding);
		PartnerAccount.Contract contract = current.contract();
		PartnerAccount.Contract newContract = (this.contract == null) ? contract : new PartnerAccount.Contract(
				(this.contract.reference() != null) ? this.contract.reference() : contract.reference(),
				(this.contract.supplyDiscountPercent() != null)
						? this.contract.supplyDiscountPercent().stripTrailingZeros() : contract.supplyDiscountPercent(),
				(this.contract.currencyCode() != null) ? this.contract.currencyCode() : contract.currencyCode());
		return new PartnerAccount(current.id(), current.publicId(), current.displayName(), current.state(), newContract,
				newSettings, current.createTime(), now);
	}

	private static String text(String change, String current) {
		if (change == null) {
			return current;
		}
		return change.isBlank() ? null : change.trim();
	}

}
