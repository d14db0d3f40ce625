package com.cloudpartner.console.partnertool.web;

import com.cloudpartner.console.partnertool.api.ApiRefusal;

import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.validation.BindingResult;

/**
 * Puts partner-service's field errors ({@code 400} with {@code errors[{field, message}]})
 * next to the form's fields of the same name; the rest go on top of the form. The API's
 * messages are English only, so they are shown as given, under a localized lead.
 */
public final class FormErrors {

	private FormErrors() {
	}

	/** Whether the refusal was a validation failure that the form can show. */
	public static boolean show(ApiRefusal refusal, BindingResult errors) {
		if (refusal.status() != 400 && refusal.status() != 422) {
			return false;
		}
		BeanWrapper form = PropertyAccessorFactory.forBeanPropertyAccess(errors.getTarget());
		for (ApiRefusal.FieldError error : refusal.errors()) {
			String message = (error.message() != null) ? error.message() : "";
			if (error.field() != null && form.isReadableProperty(error.field())) {
				errors.rejectValue(error.field(), "pt.error.upstream", new Object[] { message }, message);
			}
			else {
				errors.reject("pt.error.upstream-field", new Object[] { error.field(), message }, message);
			}
		}
		if (refusal.errors().isEmpty()) {
			String detail = (refusal.detail() != null) ? refusal.detail() : refusal.code();
			errors.reject("pt.error.upstream", new Object[] { detail }, detail);
		}
		return true;
	}

}
