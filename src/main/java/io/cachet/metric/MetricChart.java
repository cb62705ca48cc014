package io.cachet.metric;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A metric's values over one {@link MetricPeriod}, one value per bucket, oldest first;
 * buckets without points hold the metric's default value.
 */
public record MetricChart(MetricView metric, MetricPeriod period, List<Bucket> buckets) {

	/**
	 * @param start the bucket's start, in the page's time zone
	 * @param key Cachet's key for the bucket, {@code yyyy-MM-dd HH:mm}
	 * @param value rounded to the metric's places
	 * @param hasPoints whether any point fell in the bucket
	 */
	public record Bucket(LocalDateTime start, String key, BigDecimal value, boolean hasPoints) {
	}

	/**
	 * @return the value of the current (last) bucket
	 */
	public BigDecimal latest() {
		return this.buckets.isEmpty() ? BigDecimal.ZERO : this.buckets.get(this.buckets.size() - 1).value();
	}

	public BigDecimal max() {
		return this.buckets.stream().map(Bucket::value).reduce(BigDecimal.ZERO, BigDecimal::max);
	}

	public BigDecimal min() {
		return this.buckets.stream().map(Bucket::value).reduce(BigDecimal::min).orElse(BigDecimal.ZERO);
	}

}
