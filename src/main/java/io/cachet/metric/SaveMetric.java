package io.cachet.metric;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * The fields of a metric to create (all but {@code description} required) or to change
 * ({@code null} leaves a field unchanged).
 */
public record SaveMetric(@Nullable String name, @Nullable String suffix, @Nullable String description,
		@Nullable BigDecimal defaultValue, @Nullable Integer calcType, @Nullable Boolean displayChart,
		@Nullable Integer places, @Nullable Integer defaultView, @Nullable Integer threshold, @Nullable Integer order,
		@Nullable Integer visible) {

}
