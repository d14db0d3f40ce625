package com.cloudpartner.console.partnertool.credentials;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.validation.Errors;

/**
 * A new API credential: what it is for, and its scopes (all three when none is ticked).
 */
public class CredentialForm {

	static final List<String> SCOPES = List.of("partner", "partner.read", "usage.write");

	private static final Pattern KEY = Pattern.compile("[0-9a-f-]{36}");

	private String description = "";

	private List<String> scopes = new ArrayList<>();

	private String idempotencyKey = "";

	static CredentialForm blank() {
		CredentialForm form = new CredentialForm();
		form.renewKey();
		return form;
	}

	void validate(Errors errors) {
		if (this.description.length() > 200) {
			errors.rejectValue("description", "pt.credentials.error.description");
		}
		if (!SCOPES.containsAll(this.scopes)) {
			errors.rejectValue("scopes", "pt.credentials.error.scopes");
		}
	}

	void renewKey() {
		this.idempotencyKey = UUID.randomUUID().toString();
	}

	String keyOrNew() {
		if (!KEY.matcher(this.idempotencyKey).matches()) {
			renewKey();
		}
		return this.idempotencyKey;
	}

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = (description != null) ? description.strip() : "";
	}

	public List<String> getScopes() {
		return this.scopes;
	}

	public void setScopes(List<String> scopes) {
		this.scopes = (scopes != null) ? new ArrayList<>(scopes) : new ArrayList<>();
	}

	public String getIdempotencyKey() {
		return this.idempotencyKey;
	}

	public void setIdempotencyKey(String idempotencyKey) {
		this.idempotencyKey = (idempotencyKey != null) ? idempotencyKey.strip() : "";
	}

}
