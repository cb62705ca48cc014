package io.cachet.api;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ApiFieldsTests {

	@Test
	void readsLenientScalars() {
		Map<String, Object> values = new HashMap<>();
		values.put("count", "12");
		values.put("whole", 3.0);
		values.put("on", 1);
		values.put("off", "0");
		values.put("truth", "true");
		values.put("price", "12.50");
		values.put("nothing", null);
		ApiFields fields = new ApiFields(values);

		assertThat(fields.integer("count")).isEqualTo(12);
		assertThat(fields.integer("whole")).isEqualTo(3);
		assertThat(fields.bool("on")).isTrue();
		assertThat(fields.bool("off")).isFalse();
		assertThat(fields.bool("truth")).isTrue();
		assertThat(fields.number("price")).isEqualByComparingTo(new BigDecimal("12.5"));
		assertThat(fields.has("nothing")).isFalse();
		assertThat(fields.integer("absent")).isNull();
		fields.validate();
	}

	@Test
	void collectsLaravelStyleMessages() {
		Map<String, Object> values = new HashMap<>();
		values.put("group_id", "x");
		values.put("enabled", "perhaps");
		values.put("price", "cheap");
		values.put("email", "nobody");
		values.put("link", "ftp://example.com");
		values.put("status", 7);
		values.put("meta", List.of(1));
		ApiFields fields = new ApiFields(values);

		fields.requiredString("name");
		fields.id("group_id");
		fields.bool("enabled");
		fields.number("price");
		fields.email("email");
		fields.url("link");
		fields.integer("status", 0, 4);
		fields.object("meta");

		assertThatExceptionOfType(ApiValidationException.class).isThrownBy(fields::validate)
			.satisfies((ex) -> assertThat(ex.details()).containsExactly("The name field is required.",
					"The group id must be an integer.", "The enabled field must be true or false.",
					"The price must be a number.", "The email must be a valid email address.",
					"The link format is invalid.", "The status must be between 0 and 4.",
					"The meta must be an array."));
	}

	@Test
	void refusesIntegersBeyondRange() {
		ApiFields fields = new ApiFields(Map.of("order", 1e12));

		fields.integer("order");

		assertThatExceptionOfType(ApiValidationException.class).isThrownBy(fields::validate);
	}

}
