package io.cachet.statuspage;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.cachet.component.ComponentService;
import io.cachet.component.ComponentStatus;
import io.cachet.component.CreateComponent;
import io.cachet.component.CreateComponentGroup;
import io.cachet.incident.CreateIncident;
import io.cachet.incident.IncidentService;
import io.cachet.incident.IncidentStatus;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Data and HTTP helpers shared by the status page tests.
 */
final class StatusPageFixtures {

	private final HttpClient http = HttpClient.newHttpClient();

	private final int port;

	private final ComponentService components;

	private final IncidentService incidents;

	StatusPageFixtures(int port, ComponentService components, IncidentService incidents) {
		this.port = port;
		this.components = components;
		this.incidents = incidents;
	}

	static void clear(JdbcClient jdbc) {
		for (String table : List.of("incident_updates", "incident_components", "incidents", "schedule_components",
				"schedules", "metric_points", "metrics", "component_daily_uptime", "component_status_history",
				"components", "component_groups")) {
			jdbc.sql("DELETE FROM " + table).update();
		}
	}

	long group(String name, int collapsed, int visible) {
		return this.components.createGroup(new CreateComponentGroup(name, 0, collapsed, visible)).id();
	}

	long component(String name, ComponentStatus status, long groupId) {
		return this.components
			.createComponent(new CreateComponent(name, "", "", status, 0, groupId, true, null, List.of()))
			.id();
	}

	long incident(String name, IncidentStatus status, boolean visible, Instant occurredAt) {
		return this.incidents
			.createIncident(new CreateIncident(name, status, "Message of " + name, 0, null, null, Map.of(), visible,
					false, false, occurredAt, null, List.of(), null))
			.id();
	}

	HttpResponse<String> get(String path, String... headers) {
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
			if (headers.length > 0) {
				request.headers(headers);
			}
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	HttpResponse<byte[]> getBytes(String path, String... headers) {
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
			if (headers.length > 0) {
				request.headers(headers);
			}
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
