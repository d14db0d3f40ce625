package com.cloudpartner.partner.members;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.cloudpartner.support.problem.ApiProblem;

/**
 * The sign-up rules of DOMAIN.md section 2, each failure naming the rule: login id 5-12
 * letters and digits with at least one letter; password 8-15 characters with letters,
 * digits and special characters, not containing the login id; registration numbers digits
 * only, the business registration number with its check digit.
 */
public final class MemberRules {

	private static final Pattern LOGIN_ID = Pattern.compile("[A-Za-z0-9]{5,12}");

	private static final Pattern LETTER = Pattern.compile("[A-Za-z]");

	private static final Pattern DIGIT = Pattern.compile("[0-9]");

	private static final Pattern SPECIAL = Pattern.compile("[!-/:-@\\[-`{-~]");

	private static final Pattern PASSWORD_CHARS = Pattern.compile("[!-~]+");

	private static final int[] BRN_WEIGHTS = { 1, 3, 7, 1, 3, 7, 1, 3, 5 };

	private MemberRules() {
	}

	static List<ApiProblem.FieldError> loginId(String field, String loginId) {
		List<ApiProblem.FieldError> errors = new ArrayList<>();
		if (loginId == null || !LOGIN_ID.matcher(loginId).matches()) {
			errors.add(new ApiProblem.FieldError(field, "must be 5 to 12 letters and digits"));
		}
		else if (!LETTER.matcher(loginId).find()) {
			errors.add(new ApiProblem.FieldError(field, "must contain at least one letter"));
		}
		return errors;
	}

	static List<ApiProblem.FieldError> password(String field, String password, String loginId) {
		List<ApiProblem.FieldError> errors = new ArrayList<>();
		if (password == null || password.length() < 8 || password.length() > 15) {
			errors.add(new ApiProblem.FieldError(field, "must be 8 to 15 characters"));
			return errors;
		}
		if (!PASSWORD_CHARS.matcher(password).matches()) {
			errors.add(new ApiProblem.FieldError(field,
					"may contain only letters, digits and special characters (no spaces)"));
		}
		if (!LETTER.matcher(password).find() || !DIGIT.matcher(password).find() || !SPECIAL.matcher(password).find()) {
			errors.add(new ApiProblem.FieldError(field, "must contain letters, digits and special characters"));
		}
		if (loginId != null && !loginId.isBlank()
				&& password.toLowerCase(Locale.ROOT).contains(loginId.toLowerCase(Locale.ROOT))) {
			errors.add(new ApiProblem.FieldError(field, "must not contain the login id"));
		}
		return errors;
	}

	/** A Korean business registration number: 10 digits, the last a check digit. */
	public static List<ApiProblem.FieldError> businessRegistrationNumber(String field, String number) {
		if (number == null || !number.matches("[0-9]{10}")) {
			return List.of(new ApiProblem.FieldError(field, "must be 10 digits, digits only (no hyphens)"));
		}
		if (!validBusinessCheckDigit(number)) {
			return List.of(new ApiProblem.FieldError(field, "has a wrong check digit"));
		}
		return List.of();
	}

	static List<ApiProblem.FieldError> corporateRegistrationNumber(String field, String number) {
		if (number == null || !number.matches("[0-9]{13}")) {
			return List.of(new ApiProblem.FieldError(field, "must be 13 digits, digits only (no hyphens)"));
		}
		return List.of();
	}

	static boolean validBusinessCheckDigit(String number) {
		int sum = 0;
		for (int i = 0; i < 9; i++) {
			sum += (number.charAt(i) - '0') * BRN_WEIGHTS[i];
		}
		sum += ((number.charAt(8) - '0') * 5) / 10;
		return (10 - sum % 10) % 10 == number.charAt(9) - '0';
	}

	/** Throws the collected field errors as one 400, if any. */
	static void check(List<ApiProblem.FieldError> errors) {
		if (!errors.isEmpty()) {
			throw new ApiProblem(org.springframework.http.HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
					"The request has invalid fields.", errors);
		}
	}

}
