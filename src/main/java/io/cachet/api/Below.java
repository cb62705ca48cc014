package io.cachet.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;

/**
 * A number whose magnitude is below a limit (the columns' precision); absent is valid.
 */
@Documented
@Constraint(validatedBy = Below.Validator.class)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
@interface Below {

	/**
	 * @return the limit, as a plain decimal
	 */
	String value();

	String message() default "The :attribute must be less than {value}.";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<Below, BigDecimal> {

		private BigDecimal limit = BigDecimal.ZERO;

		@Override
		public void initialize(Below constraint) {
			this.limit = new BigDecimal(constraint.value());
		}

		@Override
		public boolean isValid(@Nullable BigDecimal value, ConstraintValidatorContext context) {
			return value == null || value.abs().compareTo(this.limit) < 0;
		}

	}

}
