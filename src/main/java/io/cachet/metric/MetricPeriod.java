package io.cachet.metric;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Optional;

/**
 * The four views of a metric chart, with Cachet's {@code filter} names and buckets: the
 * last hour by minute (61 buckets), the last 12 hours by hour, the last week by day and
 * the last month by day (as many days as the current month has).
 */
public enum MetricPeriod {

	LAST_HOUR("last_hour", ChronoUnit.MINUTES, "HH:mm"), LAST_12_HOURS("today", ChronoUnit.HOURS, "HH:00"),
	WEEK("week", ChronoUnit.DAYS, "EEE d"), MONTH("month", ChronoUnit.DAYS, "MMM d");

	private static final DateTimeFormatter KEY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final String filter;

	private final ChronoUnit unit;

	private final String labelPattern;

	MetricPeriod(String filter, ChronoUnit unit, String labelPattern) {
		this.filter = filter;
		this.unit = unit;
		this.labelPattern = labelPattern;
	}

	/**
	 * @return the name used in {@code /metrics/{id}?filter=}
	 */
	public String filter() {
		return this.filter;
	}

	public ChronoUnit unit() {
		return this.unit;
	}

	/**
	 * @return a short date pattern for the chart's axis labels
	 */
	public String labelPattern() {
		return this.labelPattern;
	}

	/**
	 * @return the number of buckets ending with the one that holds {@code now}
	 */
	int buckets(ZonedDateTime now) {
		return switch (this) {
			case LAST_HOUR -> 61;
			case LAST_12_HOURS -> 12;
			case WEEK -> 7;
			case MONTH -> YearMonth.from(now).lengthOfMonth();
		};
	}

	/**
	 * @return the start of the first bucket
	 */
	ZonedDateTime firstBucket(Instant now, ZoneId zone) {
		ZonedDateTime current = now.atZone(zone).truncatedTo(this.unit);
		return current.minus(buckets(current) - 1L, this.unit);
	}

	ZonedDateTime bucketOf(Instant at, ZoneId zone) {
		return at.atZone(zone).truncatedTo(this.unit);
	}

	static String key(LocalDateTime bucket) {
		return KEY.format(bucket);
	}

	/**
	 * @param defaultView a metric's {@code default_view}, 0 to 3
	 */
	public static MetricPeriod ofDefaultView(int defaultView) {
		return (defaultView >= 0 && defaultView < values().length) ? values()[defaultView] : LAST_12_HOURS;
	}

	public static Optional<MetricPeriod> ofFilter(String filter) {
		return Arrays.stream(values()).filter((period) -> period.filter.equals(filter)).findFirst();
	}

}
