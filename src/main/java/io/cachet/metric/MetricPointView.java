package io.cachet.metric;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A point: {@code counter} equal values merged at {@code createdAt} (rounded to 30
 * seconds).
 */
public record MetricPointView(long id, long metricId, BigDecimal value, int counter, Instant createdAt,
		Instant updatedAt) {

	public BigDecimal calculatedValue() {
		return this.value.multiply(BigDecimal.valueOf(this.counter));
	}

}
