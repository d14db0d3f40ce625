package com.cloudpartner.console.partnertool.settings;

/** The branding part of the settings form: what the partner's end users see. */
public class BrandingRow {

	private String displayName = "";

	private String logoUrl = "";

	private String primaryColor = "";

	public String getDisplayName() {
		return this.displayName;
	}

	public void setDisplayName(String displayName) {
		this.displayName = SettingsForm.text(displayName);
	}

	public String getLogoUrl() {
		return this.logoUrl;
	}

	public void setLogoUrl(String logoUrl) {
		this.logoUrl = SettingsForm.text(logoUrl);
	}

	public String getPrimaryColor() {
		return this.primaryColor;
	}

	public void setPrimaryColor(String primaryColor) {
		this.primaryColor = SettingsForm.text(primaryColor);
	}

}
