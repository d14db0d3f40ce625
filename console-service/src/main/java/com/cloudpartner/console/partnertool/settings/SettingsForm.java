package com.cloudpartner.console.partnertool.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.validation.Errors;

/**
 * The settings form. Its property paths are the API's field names
 * ({@code contacts[0].email}, {@code branding.logoUrl}), so that partner-service's field
 * errors land next to the right input; rows left empty are dropped before checking, so
 * that the indexes agree too.
 */
public class SettingsForm {

	static final int MAX_CONTACTS = 20;

	private static final int BLANK_ROWS = 2;

	private static final Pattern URL = Pattern.compile("https?://[A-Za-z0-9.-]+(:\\d{1,5})?([/?#]\\S*)?");

	private static final Pattern COLOR = Pattern.compile("#[0-9A-Fa-f]{6}");

	private static final Pattern TTL = Pattern.compile("\\d{1,4}");

	private List<ContactRow> contacts = new ArrayList<>();

	private String callbackUrl = "";

	private String consoleLoginUrl = "";

	private String consoleSessionTtlMinutes = "";

	private ContactRow taxContact = new ContactRow();

	private BrandingRow branding = new BrandingRow();

	static SettingsForm of(AccountSettings.Account account) {
		SettingsForm form = new SettingsForm();
		account.contacts().forEach((c) -> form.contacts.add(ContactRow.of(c)));
		form.callbackUrl = text(account.callbackUrl());
		form.consoleLoginUrl = text(account.consoleLoginUrl());
		form.consoleSessionTtlMinutes = (account.consoleSessionTtlMinutes() != null)
				? account.consoleSessionTtlMinutes().toString() : "";
		form.taxContact = (account.taxContact() != null) ? ContactRow.of(account.taxContact()) : new ContactRow();
		AccountSettings.Branding brand = account.branding();
		if (brand != null) {
			form.branding.setDisplayName(brand.displayName());
			form.branding.setLogoUrl(brand.logoUrl());
			form.branding.setPrimaryColor(brand.primaryColor());
		}
		return form.withBlankRows();
	}

	/** Empty contact rows to fill in, up to the API's limit. */
	SettingsForm withBlankRows() {
		for (int i = 0; i < BLANK_ROWS && this.contacts.size() < MAX_CONTACTS; i++) {
			this.contacts.add(new ContactRow());
		}
		return this;
	}

	/** Drops the contact rows left empty. */
	void compact() {
		this.contacts.removeIf((row) -> row == null || row.isBlank());
	}

	void validate(Errors errors) {
		if (this.contacts.size() > MAX_CONTACTS) {
			errors.reject("pt.settings.error.contacts", new Object[] { MAX_CONTACTS }, null);
		}
		for (int i = 0; i < this.contacts.size(); i++) {
			this.contacts.get(i).validate(errors, "contacts[" + i + "].");
		}
		url(errors, "callbackUrl", this.callbackUrl);
		url(errors, "consoleLoginUrl", this.consoleLoginUrl);
		if (!this.consoleSessionTtlMinutes.isEmpty() && (!TTL.matcher(this.consoleSessionTtlMinutes).matches()
				|| Integer.parseInt(this.consoleSessionTtlMinutes) < 5
				|| Integer.parseInt(this.consoleSessionTtlMinutes) > 1440)) {
			errors.rejectValue("consoleSessionTtlMinutes", "pt.settings.error.ttl");
		}
		if (!this.taxContact.isBlank()) {
			this.taxContact.validate(errors, "taxContact.");
		}
		if (this.branding.getDisplayName().length() > 100) {
			errors.rejectValue("branding.displayName", "pt.settings.error.length", new Object[] { 100 }, null);
		}
		url(errors, "branding.logoUrl", this.branding.getLogoUrl());
		if (!this.branding.getPrimaryColor().isEmpty() && !COLOR.matcher(this.branding.getPrimaryColor()).matches()) {
			errors.rejectValue("branding.primaryColor", "pt.settings.error.color");
		}
	}

	/**
	 * The change to send: every text as typed (empty clears it); a tax contact left empty
	 * is not sent, since the API cannot remove one.
	 */
	AccountSettings.Patch toPatch() {
		return new AccountSettings.Patch(this.contacts.stream().map(ContactRow::toContact).toList(), this.callbackUrl,
				this.consoleLoginUrl,
				this.consoleSessionTtlMinutes.isEmpty() ? null : Integer.valueOf(this.consoleSessionTtlMinutes),
				this.taxContact.isBlank() ? null : this.taxContact.toContact("TAX"), new AccountSettings.Branding(
						this.branding.getDisplayName(), this.branding.getLogoUrl(), this.branding.getPrimaryColor()));
	}

	private static void url(Errors errors, String field, String value) {
		if (!value.isEmpty() && (value.length() > 2000 || !URL.matcher(value).matches())) {
			errors.rejectValue(field, "pt.settings.error.url");
		}
	}

	static String text(String value) {
		return (value != null) ? value.strip() : "";
	}

	public List<ContactRow> getContacts() {
		return this.contacts;
	}

	public void setContacts(List<ContactRow> contacts) {
		this.contacts = (contacts != null) ? new ArrayList<>(contacts) : new ArrayList<>();
	}

	public String getCallbackUrl() {
		return this.callbackUrl;
	}

	public void setCallbackUrl(String callbackUrl) {
		this.callbackUrl = text(callbackUrl);
	}

	public String getConsoleLoginUrl() {
		return this.consoleLoginUrl;
	}

	public void setConsoleLoginUrl(String consoleLoginUrl) {
		this.consoleLoginUrl = text(consoleLoginUrl);
	}

	public String getConsoleSessionTtlMinutes() {
		return this.consoleSessionTtlMinutes;
	}

	public void setConsoleSessionTtlMinutes(String consoleSessionTtlMinutes) {
		this.consoleSessionTtlMinutes = text(consoleSessionTtlMinutes);
	}

	public ContactRow getTaxContact() {
		return this.taxContact;
	}

	public void setTaxContact(ContactRow taxContact) {
		this.taxContact = (taxContact != null) ? taxContact : new ContactRow();
	}

	public BrandingRow getBranding() {
		return this.branding;
	}

	public void setBranding(BrandingRow branding) {
		this.branding = (branding != null) ? branding : new BrandingRow();
	}

}
