package io.cachet.statuspage;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import io.cachet.statuspage.StatusPageParts.Part;

/**
 * What changed since the last rebuild, and so what the next one reads again: whole parts,
 * the uptime of single components (a status change), the charts of single metrics, or
 * everything (settings, another node, a recovery).
 *
 * @param uptimeOf the components whose uptime is read again, when {@link Part#UPTIME} is
 * not
 * @param chartsOf the metrics whose charts are read again
 * @param allCharts every shown metric's charts are read again
 */
record StatusPageChanges(boolean all, Set<Part> parts, Set<Long> uptimeOf, Set<Long> chartsOf, boolean allCharts) {

	static final StatusPageChanges NONE = new StatusPageChanges(false, Set.of(), Set.of(), Set.of(), false);

	static final StatusPageChanges ALL = new StatusPageChanges(true, Part.all(), Set.of(), Set.of(), true);

	StatusPageChanges {
		parts = parts.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(parts));
		uptimeOf = Set.copyOf(uptimeOf);
		chartsOf = Set.copyOf(chartsOf);
	}

	static StatusPageChanges of(Part... parts) {
		return new StatusPageChanges(false, Set.of(parts), Set.of(), Set.of(), false);
	}

	/**
	 * A component's row and its uptime bar (today's share follows the new status).
	 */
	static StatusPageChanges component(long id) {
		return new StatusPageChanges(false, Set.of(Part.COMPONENTS), Set.of(id), Set.of(), false);
	}

	/**
	 * A metric's settings: the list of shown metrics, and its charts.
	 */
	static StatusPageChanges metric(long id) {
		return new StatusPageChanges(false, Set.of(Part.METRICS), Set.of(), Set.of(id), false);
	}

	/**
	 * A point of some metric: the event names the point, not its metric, so every shown
	 * chart is read again (a few aggregate queries, not the metric list).
	 */
	static StatusPageChanges metricPoint() {
		return new StatusPageChanges(false, Set.of(), Set.of(), Set.of(), true);
	}

	boolean isEmpty() {
		return !this.all && this.parts.isEmpty() && this.uptimeOf.isEmpty() && this.chartsOf.isEmpty()
				&& !this.allCharts;
	}

	boolean touches(Part part) {
		return this.all || this.parts.contains(part);
	}

	StatusPageChanges and(StatusPageChanges other) {
		if (this.all || other.all) {
			return ALL;
		}
		Set<Part> parts = EnumSet.noneOf(Part.class);
		parts.addAll(this.parts);
		parts.addAll(other.parts);
		return new StatusPageChanges(false, parts, union(this.uptimeOf, other.uptimeOf),
				union(this.chartsOf, other.chartsOf), this.allCharts || other.allCharts);
	}

	private static Set<Long> union(Set<Long> a, Set<Long> b) {
		Set<Long> union = new HashSet<>(a);
		union.addAll(b);
		return union;
	}

}
