package io.cachet.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.validation.Errors;

import io.cachet.monitor.MonitorType;
import io.cachet.monitor.MonitorView;
import io.cachet.monitor.SaveMonitor;

/**
 * The monitor form. Numbers are kept as text so that a typo is shown next to its field
 * rather than losing the form; a blank number means the default (on create) or no limit
 * (latency threshold, metric). Unticked boxes are {@code false}, also on edit.
 *
 * @param expectedStatus HTTP status codes separated by commas; blank means any 2xx
 * @param headers one {@code Name: value} per line; on edit the saved values read
 * {@code ********} (a value such as {@code Authorization}'s is a credential, shown only
 * when typed) and a line left so keeps its value
 */
record MonitorForm(@NotNull @Nullable Long componentId, @Nullable String type,
		@Size(max = 2048) @Nullable String target, @Nullable String interval, @Nullable String timeout,
		@Nullable String expectedStatus, @Size(max = 1000) @Nullable String keyword, @Nullable Boolean keywordAbsent,
		@Nullable String latencyThreshold, @Size(max = 10_000) @Nullable String headers,
		@Nullable Boolean followRedirects, @Size(max = 255) @Nullable String expectedAddress, @Nullable String tlsDays,
		@Nullable String failureThreshold, @Nullable String recoveryThreshold, @Nullable Boolean autoIncident,
		@Nullable Long metricId, @Nullable Boolean enabled) {

	static MonitorForm blank(@Nullable Long componentId) {
		return new MonitorForm(componentId, MonitorType.HTTP.value(), "", "60", "10", "", "", false, "", "", true, "",
				"", "2", "1", false, null, true);
	}

	static MonitorForm from(MonitorView monitor) {
		return new MonitorForm(monitor.componentId(), monitor.type().value(), monitor.target(),
				String.valueOf(monitor.intervalSeconds()), String.valueOf(monitor.timeoutSeconds()),
				monitor.expectedStatus().stream().map(String::valueOf).collect(Collectors.joining(", ")),
				Objects.requireNonNullElse(monitor.keyword(), ""), monitor.keywordAbsent(),
				text(monitor.latencyThresholdMs()),
				monitor.redactedHeaders()
					.entrySet()
					.stream()
					.map((header) -> header.getKey() + ": " + header.getValue())
					.collect(Collectors.joining("\n")),
				monitor.followRedirects(), Objects.requireNonNullElse(monitor.expectedAddress(), ""),
				text(monitor.tlsDays()), String.valueOf(monitor.failureThreshold()),
				String.valueOf(monitor.recoveryThreshold()), monitor.autoIncident(), monitor.metricId(),
				monitor.enabled());
	}

	/**
	 * The command, or {@code null} when a field could not be read (rejected in
	 * {@code errors}). Ranges and the target are the service's to check.
	 * @param creating whether blank fields take their defaults (else blank clears the
	 * optional limits)
	 */
	@Nullable SaveMonitor toCommand(Errors errors, boolean creating) {
		MonitorType monitorType = MonitorType.fromValue(Objects.requireNonNullElse(this.type, "")).orElse(null);
		if (monitorType == null) {
			errors.rejectValue("type", "invalid", "Choose one of http, tcp, dns, tls or push.");
		}
		Integer intervalSeconds = number(errors, "interval", this.interval);
		Integer timeoutSeconds = number(errors, "timeout", this.timeout);
		Integer latency = number(errors, "latencyThreshold", this.latencyThreshold);
		Integer days = number(errors, "tlsDays", this.tlsDays);
		Integer failures = number(errors, "failureThreshold", this.failureThreshold);
		Integer recoveries = number(errors, "recoveryThreshold", this.recoveryThreshold);
		List<Integer> codes = statusCodes(errors);
		Map<String, String> headerMap = headerMap(errors);
		if (errors.hasErrors()) {
			return null;
		}
		return new SaveMonitor(this.componentId, monitorType, Objects.requireNonNullElse(this.target, "").strip(),
				intervalSeconds, timeoutSeconds, codes, Objects.requireNonNullElse(this.keyword, ""),
				Boolean.TRUE.equals(this.keywordAbsent), (latency == null && !creating) ? Integer.valueOf(0) : latency,
				headerMap, Boolean.TRUE.equals(this.followRedirects),
				Objects.requireNonNullElse(this.expectedAddress, "").strip(), days, failures, recoveries,
				Boolean.TRUE.equals(this.autoIncident),
				(this.metricId == null && !creating) ? Long.valueOf(0) : metricId, Boolean.TRUE.equals(this.enabled));
	}

	private List<Integer> statusCodes(Errors errors) {
		List<Integer> codes = new ArrayList<>();
		for (String code : Objects.requireNonNullElse(this.expectedStatus, "").split("[,\\s]+")) {
			if (code.isEmpty()) {
				continue;
			}
			try {
				codes.add(Integer.valueOf(code));
			}
			catch (NumberFormatException ex) {
				errors.rejectValue("expectedStatus", "invalid",
						"Give status codes separated by commas, e.g. 200, 204.");
				break;
			}
		}
		return codes;
	}

	private Map<String, String> headerMap(Errors errors) {
		Map<String, String> map = new LinkedHashMap<>();
		for (String line : Objects.requireNonNullElse(this.headers, "").split("\\R")) {
			if (line.isBlank()) {
				continue;
			}
			int colon = line.indexOf(':');
			String name = (colon > 0) ? line.substring(0, colon).strip() : "";
			if (!name.matches("[A-Za-z0-9-]{1,100}")) {
				errors.rejectValue("headers", "invalid", "Write one header per line as Name: value.");
				break;
			}
			map.put(name, line.substring(colon + 1).strip());
		}
		return map;
	}

	private static @Nullable Integer number(Errors errors, String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			errors.rejectValue(field, "invalid", "Give a whole number.");
			return null;
		}
	}

	private static String text(@Nullable Integer value) {
		return (value != null) ? String.valueOf(value) : "";
	}

}
