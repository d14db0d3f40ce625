package com.cloudpartner.console.partnertool.settings;

import java.util.regex.Pattern;

import org.springframework.validation.Errors;

/** One contact of the settings form (also the tax contact). */
public class ContactRow {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()-]{3,30}");

	private String role = "";

	private String name = "";

	private String email = "";

	private String phone = "";

	static ContactRow of(AccountSettings.Contact contact) {
		ContactRow row = new ContactRow();
		row.setRole(contact.role());
		row.setName(contact.name());
		row.setEmail(contact.email());
		row.setPhone(contact.phone());
		return row;
	}

	boolean isBlank() {
		return this.role.isEmpty() && this.name.isEmpty() && this.email.isEmpty() && this.phone.isEmpty();
	}

	void validate(Errors errors, String prefix) {
		if (this.role.length() > 50) {
			errors.rejectValue(prefix + "role", "pt.settings.error.length", new Object[] { 50 }, null);
		}
		if (this.name.length() > 100) {
			errors.rejectValue(prefix + "name", "pt.settings.error.length", new Object[] { 100 }, null);
		}
		if (!this.email.isEmpty() && (this.email.length() > 254 || !EMAIL.matcher(this.email).matches())) {
			errors.rejectValue(prefix + "email", "pt.settings.error.email");
		}
		if (!this.phone.isEmpty() && !PHONE.matcher(this.phone).matches()) {
			errors.rejectValue(prefix + "phone", "pt.settings.error.phone");
		}
	}

	AccountSettings.Contact toContact() {
		return new AccountSettings.Contact(this.role, this.name, this.email, this.phone);
	}

	AccountSettings.Contact toContact(String defaultRole) {
		return new AccountSettings.Contact(this.role.isEmpty() ? defaultRole : this.role, this.name, this.email,
				this.phone);
	}

	public String getRole() {
		return this.role;
	}

	public void setRole(String role) {
		this.role = SettingsForm.text(role);
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = SettingsForm.text(name);
	}

	public String getEmail() {
		return this.email;
	}

	public void setEmail(String email) {
		this.email = SettingsForm.text(email);
	}

	public String getPhone() {
		return this.phone;
	}

	public void setPhone(String phone) {
		this.phone = SettingsForm.text(phone);
	}

}
