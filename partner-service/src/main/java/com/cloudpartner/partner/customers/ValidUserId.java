package com.cloudpartner.partner.customers;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A customer user id by {@link UserIdRules}; {@code null} is left to {@code @NotNull}.
 */
@Documented
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidUserId.Validator.class)
@interface ValidUserId {

	String message() default "is not a valid user id";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Applies {@link UserIdRules} and reports its reason. */
	class Validator implements ConstraintValidator<ValidUserId, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			if (value == null) {
				return true;
			}
			return UserIdRules.problem(value).map((reason) -> {
				context.disableDefaultConstraintViolation();
				context.buildConstraintViolationWithTemplate(reason).addConstraintViolation();
				return false;
			}).orElse(true);
		}

	}

}
