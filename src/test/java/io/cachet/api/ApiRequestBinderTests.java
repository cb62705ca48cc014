package io.cachet.api;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.json.JsonMapper;

import io.cachet.metric.MetricService;
import io.cachet.settings.SettingsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.Mockito.mock;

class ApiRequestBinderTests {

	private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

	private final ApiRequestBinder binder = new ApiRequestBinder(JsonMapper.builder().build(),
			new ApiTimes(mock(SettingsService.class)), VALIDATOR);

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

		Scalars scalars = this.binder.bind(values, Scalars.class);

		assertThat(scalars.count()).isEqualTo(12);
		assertThat(scalars.whole()).isEqualTo(3);
		assertThat(scalars.on()).isTrue();
		assertThat(scalars.off()).isFalse();
		assertThat(scalars.truth()).isTrue();
		assertThat(scalars.price()).isEqualByComparingTo(new BigDecimal("12.5"));
		assertThat(scalars.nothing()).isNull();
		assertThat(scalars.absent()).isNull();
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

		assertThatExceptionOfType(ApiValidationException.class)
			.isThrownBy(() -> this.binder.bind(values, Invalid.class))
			.satisfies((ex) -> assertThat(ex.details()).containsExactly("The name field is required.",
					"The group id must be an integer.", "The enabled field must be true or false.",
					"The price must be a number.", "The email must be a valid email address.",
					"The link format is invalid.", "The status must be between 0 and 4.",
					"The meta must be an array."));
	}

	@Test
	void refusesIntegersBeyondRange() {
		assertThatExceptionOfType(ApiValidationException.class)
			.isThrownBy(() -> this.binder.bind(Map.of("order", 1e12), Ordered.class))
			.satisfies((ex) -> assertThat(ex.details()).containsExactly("The order must be an integer."));
	}

	@Test
	void readsAnEmptyListAsAnEmptyObject() {
		assertThat(this.binder.bind(Map.of("name", "x", "meta", List.of()), Invalid.class).meta()).isEmpty();
	}

	@Test
	void metricLimitsAreTheServicesLimits() {
		assertThat(new BigDecimal(MetricLimits.DEFAULT_VALUE)).isEqualByComparingTo(MetricService.MAX_DEFAULT_VALUE);
		assertThat(new BigDecimal(MetricLimits.POINT_VALUE)).isEqualByComparingTo(MetricService.MAX_POINT_VALUE);
	}

	@ApiRequest
	record Scalars(@Nullable Integer count, @Nullable Integer whole, @Nullable Boolean on, @Nullable Boolean off,
			@Nullable Boolean truth, @Nullable BigDecimal price, @Nullable String nothing, @Nullable Integer absent) {

	}

	@ApiRequest
	record Invalid(@NotBlank @Nullable String name, @JsonProperty("group_id") @Nullable Long groupId,
			@Nullable Boolean enabled, @Nullable BigDecimal price, @EmailAddress @Nullable String email,
			@HttpUrl @Nullable String link, @Min(0) @Max(4) @Nullable Integer status,
			@JsonDeserialize(using = LenientInput.JsonObject.class) @Nullable Map<String, Object> meta) {

	}

	@ApiRequest
	record Ordered(@Nullable Integer order) {

	}

}
