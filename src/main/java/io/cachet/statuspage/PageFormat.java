package io.cachet.statuspage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import io.cachet.component.DailyUptime;
import io.cachet.shared.Markdown;

/**
 * Formatting helpers for the page templates ({@code ${fmt.dateTime(...)}}), in the page's
 * language and time zone.
 */
final class PageFormat {

	private final ZoneId zone;

	private final DateTimeFormatter dateTime;

	private final DateTimeFormatter day;

	private final DateTimeFormatter shortDay;

	PageFormat(Locale locale, ZoneId zone) {
		this.zone = zone;
		this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
			.withLocale(locale)
			.withZone(zone);
		this.day = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale);
		this.shortDay = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
	}

	public String dateTime(@Nullable Instant instant) {
		return (instant != null) ? this.dateTime.format(instant) : "";
	}

	public String day(LocalDate date) {
		return this.day.format(date);
	}

	public String shortDay(LocalDate date) {
		return this.shortDay.format(date);
	}

	/**
	 * @return the instant for a {@code <time datetime>} attribute, with the page's offset
	 */
	public String iso(@Nullable Instant instant) {
		return (instant != null) ? DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(this.zone)) : "";
	}

	public String markdown(@Nullable String markdown) {
		return Markdown.toSafeHtml(markdown);
	}

	/**
	 * @return the CSS class of a day of the uptime bar
	 */
	public String uptimeClass(DailyUptime day) {
		if (!day.hasData()) {
			return "u-none";
		}
		return "u-" + day.worst().code();
	}

	/**
	 * @return the uptime bar as runs of equal days: days without trouble look alike, so a
	 * run of them is one element (a 90-day bar of a healthy component is a few elements,
	 * not 90); days with trouble stay single, with their own tooltip
	 */
	public java.util.List<UptimeRun> runs(java.util.List<DailyUptime> days) {
		java.util.List<UptimeRun> runs = new java.util.ArrayList<>();
		for (DailyUptime day : days) {
			String css = uptimeClass(day);
			boolean trouble = day.hasData() && day.worst().code() > 1;
			UptimeRun last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
			if (!trouble && last != null && last.day() == null && last.css().equals(css)) {
				runs.set(runs.size() - 1, new UptimeRun(css, last.length() + 1, null));
			}
			else {
				runs.add(new UptimeRun(css, 1, trouble ? day : null));
			}
		}
		return runs;
	}

	/**
	 * Consecutive days shown alike in the uptime bar.
	 *
	 * @param day the day, when the run is a single day with trouble (it gets a tooltip)
	 */
	public record UptimeRun(String css, int length, @Nullable DailyUptime day) {
	}

	public String percent(@Nullable Double ratio) {
		return (ratio != null) ? String.format(Locale.ROOT, "%.2f%%", Math.floor(ratio * 10000) / 100) : "";
	}

}
