package io.cachet.component;

import java.util.Collection;

/**
 * The banner at the top of the status page and {@code /api/v1/status}, with Cachet 2.4's
 * rules and texts ({@code System::getStatus}).
 *
 * @param level {@code success}, {@code info} or {@code danger} (the banner's colour
 * class)
 * @param message the English banner text
 * @param favicon {@code favicon}, {@code favicon-medium-alert} or
 * {@code favicon-high-alert}
 */
public record OverallStatus(String level, String message, String favicon) {

	/**
	 * @param enabledComponents the statuses of the enabled components the viewer may see
	 * @param majorOutageRate the percentage of components in major outage from which the
	 * whole system is in major outage (setting {@code major_outage_rate}, default 50)
	 * @param unresolvedIncidents the number of incidents not yet fixed that the viewer
	 * may see
	 */
	public static OverallStatus of(Collection<ComponentStatus> enabledComponents, int majorOutageRate,
			long unresolvedIncidents) {
		int total = enabledComponents.size();
		long major = enabledComponents.stream().filter((status) -> status == ComponentStatus.MAJOR_OUTAGE).count();
		boolean several = total >= 2;
		if (total > 0 && major * 100.0 / total >= majorOutageRate) {
			return new OverallStatus("danger",
					several ? "Some systems are experiencing major issues" : "The system is experiencing major issues",
					"favicon-high-alert");
		}
		String issues = several ? "Some systems are experiencing issues" : "The system is experiencing issues";
		boolean allOperational = enabledComponents.stream().allMatch((status) -> status == ComponentStatus.OPERATIONAL);
		if (allOperational) {
			return (unresolvedIncidents == 0) ? new OverallStatus("success",
					several ? "All systems are operational" : "System operational", "favicon")
					: new OverallStatus("info", issues, "favicon-high-alert");
		}
		boolean degraded = enabledComponents.stream()
			.anyMatch((status) -> status == ComponentStatus.PERFORMANCE_ISSUES
					|| status == ComponentStatus.PARTIAL_OUTAGE);
		return new OverallStatus("info", issues, degraded ? "favicon-medium-alert" : "favicon-high-alert");
	}

}
