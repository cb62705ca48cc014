package io.cachet.statuspage;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.cachet.metric.MetricView;
import io.cachet.statuspage.StatusPageParts.Part;

import org.springframework.stereotype.Component;

/**
 * Brings {@link StatusPageParts} up to date after {@link StatusPageChanges}: only the
 * parts a change touches are read again ({@link StatusPageReader}), the others are kept.
 */
@Component
class StatusPageRereads {

	private final StatusPageReader reader;

	StatusPageRereads(StatusPageReader reader) {
		this.reader = reader;
	}

	/**
	 * @param current the parts the page is built from now, or {@code null} for none yet
	 * @return the parts with what changed read again
	 */
	StatusPageParts apply(@Nullable StatusPageParts current, StatusPageChanges changes) {
		if (current == null || changes.all() || changes.touches(Part.SETTINGS)) {
			// the settings shape every other part (time zone, days, graphs)
			return this.reader.readAll();
		}
		StatusPageParts parts = current;
		PageSettings page = parts.settings();
		if (changes.touches(Part.COMPONENTS)) {
			parts = parts.withComponents(this.reader.components());
		}
		if (changes.touches(Part.UPTIME)) {
			parts = parts.withUptime(this.reader.uptime(page));
		}
		else {
			for (long id : changes.uptimeOf()) {
				parts = parts.withUptimeOf(id, this.reader.uptimeOf(id, page));
			}
		}
		if (changes.touches(Part.INCIDENTS)) {
			parts = parts.withIncidents(this.reader.incidents(page));
		}
		if (changes.touches(Part.SCHEDULES)) {
			parts = parts.withSchedules(this.reader.schedules());
		}
		if (changes.touches(Part.METRICS) || changes.allCharts() || !changes.chartsOf().isEmpty()) {
			parts = metrics(parts, changes);
		}
		return parts;
	}

	private StatusPageParts metrics(StatusPageParts parts, StatusPageChanges changes) {
		List<MetricView> shown = changes.touches(Part.METRICS) ? this.reader.shownMetrics() : parts.metrics();
		Set<Long> reread = new HashSet<>();
		for (MetricView metric : shown) {
			// a metric shown since, or one whose points or settings changed
			if (changes.allCharts() || changes.chartsOf().contains(metric.id())
					|| !parts.charts().containsKey(metric.id())) {
				reread.add(metric.id());
			}
		}
		List<MetricView> toRead = shown.stream().filter((metric) -> reread.contains(metric.id())).toList();
		return parts.withMetrics(shown,
				toRead.isEmpty() ? java.util.Map.of() : this.reader.charts(toRead, parts.settings()));
	}

}
