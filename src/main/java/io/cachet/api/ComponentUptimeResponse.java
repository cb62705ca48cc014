package io.cachet.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

import io.cachet.component.ComponentUptime;
import io.cachet.component.DailyUptime;

/**
 * A component's uptime over the last days (our extension): percentages rounded to three
 * decimals, {@code null} without data; days oldest first, in the page's time zone.
 */
@JsonPropertyOrder({ "component_id", "days", "uptime", "timezone", "history" })
record ComponentUptimeResponse(@JsonProperty("component_id") long componentId, int days, @Nullable Double uptime,
		String timezone, List<Day> history) {

	static ComponentUptimeResponse of(ComponentUptime uptime, ZoneId zone) {
		String timezone = (zone.normalized() == ZoneOffset.UTC) ? "UTC" : zone.getId();
		return new ComponentUptimeResponse(uptime.componentId(), uptime.days().size(), percent(uptime.uptime()),
				timezone, uptime.days().stream().map(Day::of).toList());
	}

	private static @Nullable Double percent(@Nullable Double fraction) {
		return (fraction != null) ? BigDecimal.valueOf(fraction * 100).setScale(3, RoundingMode.HALF_UP).doubleValue()
				: null;
	}

	@JsonPropertyOrder({ "date", "uptime", "worst_status", "worst_status_name", "major_outage_seconds",
			"partial_outage_seconds", "degraded_seconds" })
	record Day(String date, @Nullable Double uptime, @JsonProperty("worst_status") int worstStatus,
			@JsonProperty("worst_status_name") String worstStatusName,
			@JsonProperty("major_outage_seconds") long majorOutageSeconds,
			@JsonProperty("partial_outage_seconds") long partialOutageSeconds,
			@JsonProperty("degraded_seconds") long degradedSeconds) {

		static Day of(DailyUptime day) {
			return new Day(day.date().toString(), percent(day.uptime()), day.worst().code(), day.worst().label(),
					day.majorOutageSeconds(), day.partialOutageSeconds(), day.degradedSeconds());
		}

	}

}
