package com.cloudpartner.console.partnertool.customers;

import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.validation.Errors;

/**
 * The customer form, checked here with the API's rules so that the usual mistakes are
 * explained in the member's language; partner-service has the last word (reserved user
 * ids, for one).
 */
public class CustomerForm {

	private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9_]{3,16}");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private static final Pattern KEY = Pattern.compile("[0-9a-f-]{36}");

	private String userId = "";

	private String displayName = "";

	private String email = "";

	private String correlationId = "";

	private String idempotencyKey = "";

	static CustomerForm blank() {
		CustomerForm form = new CustomerForm();
		form.renewKey();
		return form;
	}

	static CustomerForm of(Customers.Customer customer) {
		CustomerForm form = new CustomerForm();
		form.setUserId(customer.userId());
		form.setDisplayName(customer.displayName());
		form.setEmail(customer.email());
		form.setCorrelationId(customer.correlationId());
		return form;
	}

	void validate(Errors errors, boolean creating) {
		if (creating && !USER_ID.matcher(this.userId).matches()) {
			errors.rejectValue("userId", "pt.customers.error.userId");
		}
		if (this.displayName.isEmpty() || this.displayName.length() > 100) {
			errors.rejectValue("displayName", "pt.customers.error.displayName");
		}
		if (!this.email.isEmpty() && (this.email.length() > 254 || !EMAIL.matcher(this.email).matches())) {
			errors.rejectValue("email", "pt.customers.error.email");
		}
		if (this.correlationId.length() > 100) {
			errors.rejectValue("correlationId", "pt.customers.error.correlationId");
		}
	}

	/**
	 * A key per form shown: a double click sends the same one and creates once; a form
	 * shown again after a refusal gets a new one.
	 */
	void renewKey() {
		this.idempotencyKey = UUID.randomUUID().toString();
	}

	String keyOrNew() {
		if (!KEY.matcher(this.idempotencyKey).matches()) {
			renewKey();
		}
		return this.idempotencyKey;
	}

	public String getUserId() {
		return this.userId;
	}

	public void setUserId(String userId) {
		this.userId = trim(userId);
	}

	public String getDisplayName() {
		return this.displayName;
	}

	public void setDisplayName(String displayName) {
		this.displayName = trim(displayName);
	}

	public String getEmail() {
		return this.email;
	}

	public void setEmail(String email) {
		this.email = trim(email);
	}

	public String getCorrelationId() {
		return this.correlationId;
	}

	public void setCorrelationId(String correlationId) {
		this.correlationId = trim(correlationId);
	}

	public String getIdempotencyKey() {
		return this.idempotencyKey;
	}

	public void setIdempotencyKey(String idempotencyKey) {
		this.idempotencyKey = trim(idempotencyKey);
	}

	private static String trim(String value) {
		return (value != null) ? value.strip() : "";
	}

}
