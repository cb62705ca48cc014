package io.cachet.monitor;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.cachet.component.ComponentService;
import io.cachet.component.ComponentStatus;
import io.cachet.component.ComponentView;
import io.cachet.component.StatusChangeSource;
import io.cachet.incident.AffectedComponent;
import io.cachet.incident.CreateIncident;
import io.cachet.incident.IncidentService;
import io.cachet.incident.IncidentStatus;
import io.cachet.metric.MetricService;
import io.cachet.monitor.internal.MonitorRepository;

/**
 * Records a check and what follows from it, in one transaction.
 * <ul>
 * <li>A failure counts towards {@code failure_threshold}; when reached, the monitor is
 * down and its component in major outage.</li>
 * <li>While down, a success counts towards {@code recovery_threshold}; when reached, the
 * monitor is up (or degraded) again.</li>
 * <li>While not down, a success sets operational or, slower than the latency threshold,
 * performance issues at once.</li>
 * <li>With {@code auto_incident}, going down opens an incident (the component's status
 * goes with it, so subscribers hear once) and recovering posts a "fixed" update.</li>
 * <li>With a metric, each response time is added as a point.</li>
 * </ul>
 * The component's status is only written when the monitor's state changes, so a team can
 * still set it by hand between changes.
 */
@Component
class MonitorResults {

	private static final Logger logger = LoggerFactory.getLogger(MonitorResults.class);

	private final MonitorRepository monitors;

	private final ComponentService components;

	private final IncidentService incidents;

	private final MetricService metrics;

	private final Clock clock;

	private final MonitorMetrics meters;

	MonitorResults(MonitorRepository monitors, ComponentService components, IncidentService incidents,
			MetricService metrics, Clock clock, MonitorMetrics meters) {
		this.monitors = monitors;
		this.components = components;
		this.incidents = incidents;
		this.metrics = metrics;
		this.clock = clock;
		this.meters = meters;
	}

	@Transactional
	public MonitorState record(long monitorId, CheckResult result) {
		MonitorView monitor = this.monitors.findById(monitorId).orElse(null);
		if (monitor == null || !monitor.enabled()) {
			return MonitorState.UNKNOWN;
		}
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		this.monitors.insertResult(monitorId, now, result.state().value(), result.latencyMs(), result.statusCode(),
				result.message());
		this.meters.checked(monitor.type(), result.state());
		boolean failed = result.state() == MonitorState.DOWN;
		int failures = failed ? monitor.consecutiveFailures() + 1 : 0;
		int successes = failed ? 0 : monitor.consecutiveSuccesses() + 1;
		MonitorState state = next(monitor, result.state(), failures, successes);
		Long openIncident = monitor.openIncidentId();
		if (state != monitor.state()) {
			openIncident = apply(monitor, state, result);
		}
		this.monitors.updateState(monitorId, state, failures, successes, now, openIncident);
		// looked up first, not caught: a not-found thrown through the other module's
		// transactional service marks this transaction rollback-only, and the monitor
		// would never record a result again
		if (monitor.metricId() != null && result.latencyMs() != null) {
			if (this.metrics.findMetric(monitor.metricId()).isPresent()) {
				this.metrics.addPoint(monitor.metricId(), BigDecimal.valueOf(result.latencyMs()), now);
			}
			else {
				logger.debug("The metric of monitor {} no longer exists", monitorId);
			}
		}
		return state;
	}

	private static MonitorState next(MonitorView monitor, MonitorState checked, int failures, int successes) {
		if (checked == MonitorState.DOWN) {
			return (failures >= monitor.failureThreshold()) ? MonitorState.DOWN : monitor.state();
		}
		if (monitor.state() == MonitorState.DOWN && successes < monitor.recoveryThreshold()) {
			return MonitorState.DOWN;
		}
		return checked;
	}

	/**
	 * @return the incident left open
	 */
	private @Nullable Long apply(MonitorView monitor, MonitorState state, CheckResult result) {
		ComponentView component = this.components.findComponent(monitor.componentId()).orElse(null);
		if (component == null) {
			return monitor.openIncidentId();
		}
		ComponentStatus status = state.componentStatus();
		if (state == MonitorState.DOWN && monitor.autoIncident()) {
			// the incident tells subscribers; the status change itself stays silent
			this.components.changeStatus(component.id(), status, true, StatusChangeSource.MONITOR);
			String reason = (result.message() != null) ? result.message() : "The check failed";
			long incident = this.incidents
				.createIncident(CreateIncident.named(component.name() + " is down", IncidentStatus.INVESTIGATING)
					.withMessage("Our automatic monitoring detected a problem with " + component.name() + ": " + reason
							+ ".")
					.withComponents(List.of(new AffectedComponent(component.id(), status))))
				.id();
			return incident;
		}
		boolean recovering = monitor.openIncidentId() != null && state != MonitorState.DOWN;
		this.components.changeStatus(component.id(), status, recovering, StatusChangeSource.MONITOR);
		if (recovering) {
			if (this.incidents.findIncident(monitor.openIncidentId()).isPresent()) {
				this.incidents.reportUpdate(monitor.openIncidentId(), IncidentStatus.FIXED,
						component.name() + " has recovered: our automatic monitoring sees it working again.", null);
			}
			else {
				logger.debug("The incident {} of monitor {} no longer exists", monitor.openIncidentId(), monitor.id());
			}
			return null;
		}
		return monitor.openIncidentId();
	}

}
