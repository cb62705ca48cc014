package io.cachet.monitor;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.cachet.audit.AuditAction;
import io.cachet.audit.AuditSubject;
import io.cachet.audit.RecordChanged;
import io.cachet.component.ComponentService;
import io.cachet.metric.MetricService;
import io.cachet.monitor.internal.MonitorRepository;
import io.cachet.shared.InvalidInputException;
import io.cachet.shared.ListQuery;
import io.cachet.shared.NotFoundException;
import io.cachet.shared.PageResult;

/**
 * Monitors: creating, changing and reading them, and the heartbeats of push monitors.
 */
@Service
public class MonitorService {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final MonitorRepository monitors;

	private final ComponentService components;

	private final MetricService metrics;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final int minimumInterval;

	MonitorService(MonitorRepository monitors, ComponentService components, MetricService metrics,
			ApplicationEventPublisher events, Clock clock, MonitorProperties properties) {
		int minimumInterval = properties.minimumInterval();
		this.monitors = monitors;
		this.components = components;
		this.metrics = metrics;
		this.events = events;
		this.clock = clock;
		this.minimumInterval = minimumInterval;
	}

	@Transactional(readOnly = true)
	public PageResult<MonitorView> findMonitors(ListQuery query) {
		return this.monitors.page(query);
	}

	/**
	 * @throws MonitorNotFoundException for an unknown monitor
	 */
	@Transactional(readOnly = true)
	public MonitorView getMonitor(long id) {
		return this.monitors.findById(id).orElseThrow(() -> MonitorNotFoundException.forId(id));
	}

	@Transactional(readOnly = true)
	public List<MonitorView> findEnabled() {
		return this.monitors.findEnabled();
	}

	/**
	 * @return the results of a monitor's checks, newest first
	 * @throws MonitorNotFoundException for an unknown monitor
	 */
	@Transactional(readOnly = true)
	public PageResult<MonitorResultView> findResults(long monitorId, int page, int perPage) {
		getMonitor(monitorId);
		return this.monitors.results(monitorId, page, perPage);
	}

	/**
	 * @throws InvalidInputException for anything missing or out of range
	 */
	@Transactional
	public MonitorView createMonitor(SaveMonitor command) {
		Instant now = now();
		MonitorType type = command.type();
		if (type == null) {
			throw new InvalidInputException("The type field is required (http, tcp, dns, tls or push).");
		}
		if (command.componentId() == null) {
			throw new InvalidInputException("The component id field is required.");
		}
		int interval = Objects.requireNonNullElse(command.intervalSeconds(), 60);
		MonitorView monitor = new MonitorView(0, command.componentId(), type,
				(type == MonitorType.PUSH) ? "" : Objects.requireNonNullElse(command.target(), ""), interval,
				Objects.requireNonNullElse(command.timeoutSeconds(), Math.min(10, Math.max(1, interval - 1))),
				Objects.requireNonNullElse(command.expectedStatus(), List.of()), blankToNull(command.keyword()),
				Boolean.TRUE.equals(command.keywordAbsent()), command.latencyThresholdMs(),
				Objects.requireNonNullElse(command.headers(), Map.of()),
				Objects.requireNonNullElse(command.followRedirects(), true), blankToNull(command.expectedAddress()),
				(type == MonitorType.TLS) ? Objects.requireNonNullElse(command.tlsDays(), 14) : command.tlsDays(),
				(type == MonitorType.PUSH) ? newPushToken() : null,
				Objects.requireNonNullElse(command.failureThreshold(), 2),
				Objects.requireNonNullElse(command.recoveryThreshold(), 1), Boolean.TRUE.equals(command.autoIncident()),
				command.metricId(), Objects.requireNonNullElse(command.enabled(), true), MonitorState.UNKNOWN, 0, 0,
				null, null, null, now, now);
		validate(monitor);
		if (monitor.headers().containsValue(MonitorView.HIDDEN_VALUE)) {
			// it would read as "keep the value" at the next edit, and there is none to
			// keep
			throw new InvalidInputException("A header value may not be " + MonitorView.HIDDEN_VALUE + ".");
		}
		long id = this.monitors.insert(monitor);
		this.events.publishEvent(RecordChanged.numbered(AuditSubject.MONITOR, id, AuditAction.CREATED));
		return getMonitor(id);
	}

	/**
	 * Changes a monitor. A header whose value is {@link MonitorView#HIDDEN_VALUE} keeps
	 * its current value, but only while the target stays on the same scheme, host and
	 * port: the values were meant for that host, so moving the monitor elsewhere needs
	 * them given again.
	 * @throws MonitorNotFoundException for an unknown monitor
	 * @throws InvalidInputException for anything out of range, or kept header values with
	 * a target on another host
	 */
	@Transactional
	public MonitorView updateMonitor(long id, SaveMonitor command) {
		MonitorView current = getMonitor(id);
		MonitorType type = Objects.requireNonNullElse(command.type(), current.type());
		String target = (type == MonitorType.PUSH) ? ""
				: Objects.requireNonNullElse(command.target(), current.target());
		Map<String, String> headers = keptHeaders(
				Objects.requireNonNullElse(command.headers(), current.redactedHeaders()), current, target);
		MonitorView changed = new MonitorView(id,
				Objects.requireNonNullElse(command.componentId(), current.componentId()), type, target,
				Objects.requireNonNullElse(command.intervalSeconds(), current.intervalSeconds()),
				Objects.requireNonNullElse(command.timeoutSeconds(), current.timeoutSeconds()),
				Objects.requireNonNullElse(command.expectedStatus(), current.expectedStatus()),
				(command.keyword() != null) ? blankToNull(command.keyword()) : current.keyword(),
				Objects.requireNonNullElse(command.keywordAbsent(), current.keywordAbsent()),
				(command.latencyThresholdMs() != null) ? nullIfZero(command.latencyThresholdMs())
						: current.latencyThresholdMs(),
				headers, Objects.requireNonNullElse(command.followRedirects(), current.followRedirects()),
				(command.expectedAddress() != null) ? blankToNull(command.expectedAddress())
						: current.expectedAddress(),
				(command.tlsDays() != null) ? command.tlsDays()
						: ((type == MonitorType.TLS && current.tlsDays() == null) ? Integer.valueOf(14)
								: current.tlsDays()),
				(type == MonitorType.PUSH) ? ((current.pushToken() != null) ? current.pushToken() : newPushToken())
						: null,
				Objects.requireNonNullElse(command.failureThreshold(), current.failureThreshold()),
				Objects.requireNonNullElse(command.recoveryThreshold(), current.recoveryThreshold()),
				Objects.requireNonNullElse(command.autoIncident(), current.autoIncident()),
				(command.metricId() != null) ? nullIfZero(command.metricId()) : current.metricId(),
				Objects.requireNonNullElse(command.enabled(), current.enabled()), current.state(),
				current.consecutiveFailures(), current.consecutiveSuccesses(), current.lastCheckedAt(),
				current.lastPushAt(), current.openIncidentId(), current.createdAt(), now());
		validate(changed);
		this.monitors.update(changed);
		this.events.publishEvent(RecordChanged.numbered(AuditSubject.MONITOR, id, AuditAction.UPDATED));
		return getMonitor(id);
	}

	private static Map<String, String> keptHeaders(Map<String, String> given, MonitorView current, String target) {
		Map<String, String> headers = new LinkedHashMap<>();
		List<String> lost = new ArrayList<>();
		given.forEach((name, value) -> {
			if (!MonitorView.HIDDEN_VALUE.equals(value)) {
				headers.put(name, value);
				return;
			}
			String kept = current.headers().get(name);
			if (kept == null || !sameOrigin(current.target(), target)) {
				lost.add(name);
			}
			else {
				headers.put(name, kept);
			}
		});
		if (!lost.isEmpty()) {
			throw new InvalidInputException("Give the value of " + String.join(", ", lost)
					+ " again: a hidden header value is kept only for the same monitor and target host.");
		}
		return headers;
	}

	private static boolean sameOrigin(String before, String after) {
		if (before.equals(after)) {
			return true;
		}
		try {
			URI from = new URI(before.strip());
			URI to = new URI(after.strip());
			return from.getHost() != null
					&& from.getHost().equalsIgnoreCase(Objects.requireNonNullElse(to.getHost(), ""))
					&& Objects.equals(lower(from.getScheme()), lower(to.getScheme())) && from.getPort() == to.getPort();
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	private static @Nullable String lower(@Nullable String text) {
		return (text != null) ? text.toLowerCase(Locale.ROOT) : null;
	}

	/**
	 * Deletes a monitor with its results; the component keeps its last status.
	 * @throws MonitorNotFoundException for an unknown monitor
	 */
	@Transactional
	public void deleteMonitor(long id) {
		getMonitor(id);
		this.monitors.delete(id);
		this.events.publishEvent(RecordChanged.numbered(AuditSubject.MONITOR, id, AuditAction.DELETED));
	}

	/**
	 * Records a heartbeat of a push monitor.
	 * @return whether the token belongs to a push monitor
	 */
	@Transactional
	public boolean recordPush(String token) {
		var monitor = this.monitors.findByPushToken(token).filter((m) -> m.type() == MonitorType.PUSH);
		monitor.ifPresent((m) -> this.monitors.recordPush(m.id(), now()));
		return monitor.isPresent();
	}

	private void validate(MonitorView monitor) {
		List<String> errors = new ArrayList<>();
		if (this.components.findComponent(monitor.componentId()).isEmpty()) {
			errors.add("The selected component id is invalid.");
		}
		if (monitor.intervalSeconds() < this.minimumInterval || monitor.intervalSeconds() > 86_400) {
			errors.add("The interval must be between " + this.minimumInterval + " and 86400 seconds.");
		}
		if (monitor.timeoutSeconds() < 1 || monitor.timeoutSeconds() > 60 || (monitor.type() != MonitorType.PUSH
				&& monitor.timeoutSeconds() >= monitor.intervalSeconds() && monitor.intervalSeconds() > 1)) {
			errors.add("The timeout must be between 1 and 60 seconds, and shorter than the interval.");
		}
		if (monitor.failureThreshold() < 1 || monitor.failureThreshold() > 100 || monitor.recoveryThreshold() < 1
				|| monitor.recoveryThreshold() > 100) {
			errors.add("The failure and recovery thresholds must be between 1 and 100.");
		}
		if (monitor.latencyThresholdMs() != null && monitor.latencyThresholdMs() < 1) {
			errors.add("The latency threshold must be a positive number of milliseconds.");
		}
		if (monitor.expectedStatus().stream().anyMatch((code) -> code < 100 || code > 599)) {
			errors.add("The expected status codes must be between 100 and 599.");
		}
		if (monitor.keyword() != null && monitor.keyword().length() > 1000) {
			errors.add("The keyword may not be greater than 1000 characters.");
		}
		if (monitor.tlsDays() != null && (monitor.tlsDays() < 0 || monitor.tlsDays() > 3650)) {
			errors.add("The TLS days must be between 0 and 3650.");
		}
		if (monitor.metricId() != null) {
			try {
				this.metrics.getMetric(monitor.metricId());
			}
			catch (NotFoundException ex) {
				errors.add("The selected metric id is invalid.");
			}
		}
		String targetError = targetError(monitor.type(), monitor.target());
		if (targetError != null) {
			errors.add(targetError);
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors.toArray(String[]::new));
		}
	}

	private static @Nullable String targetError(MonitorType type, String target) {
		return switch (type) {
			case PUSH -> null;
			case HTTP -> {
				try {
					URI uri = new URI(target.strip());
					String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
					yield ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
							&& target.length() <= 2048) ? null : "The target must be an http or https URL.";
				}
				catch (URISyntaxException ex) {
					yield "The target must be an http or https URL.";
				}
			}
			case TCP -> HostPort.parse(target, -1).isPresent() ? null : "The target must be host:port.";
			case TLS -> HostPort.parse(target, 443).isPresent() ? null : "The target must be a host or host:port.";
			case DNS -> target.strip().matches("[A-Za-z0-9._-]{1,253}") ? null : "The target must be a host name.";
		};
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	private static @Nullable Integer nullIfZero(Integer value) {
		return (value == 0) ? null : value;
	}

	private static @Nullable Long nullIfZero(Long value) {
		return (value == 0) ? null : value;
	}

	private static String newPushToken() {
		byte[] bytes = new byte[20];
		RANDOM.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
