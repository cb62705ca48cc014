package io.cachet.demo;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.cachet.monitor.MonitorService;
import io.cachet.monitor.MonitorType;
import io.cachet.monitor.SaveMonitor;
import io.cachet.notification.SaveWebhook;
import io.cachet.notification.WebhookFormat;
import io.cachet.notification.WebhookService;
import io.cachet.upstream.SaveUpstream;
import io.cachet.upstream.UpstreamKind;
import io.cachet.upstream.UpstreamService;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The integrations of the demo: webhooks, monitors of every type and followed pages.
 * <p>
 * None of them reaches the internet, so a demo left running bothers nobody. The monitors
 * that should be up check this app itself on the loopback address (its ping, its port,
 * {@code localhost}); the ones that show a failure aim at port 9 of the loopback address,
 * where nothing listens, so they fail at once. Webhooks and upstreams aim at a name that
 * never resolves (the outbound policy keeps them off the loopback): the delivery log
 * fills with failed calls and the upstream shows its error, which is what those pages
 * look like on a bad day.
 */
@Component
class DemoIntegrations {

	/** Nothing listens there ("discard"), so a connection is refused at once. */
	static final String NOWHERE = "127.0.0.1:9";

	/**
	 * For webhooks and upstreams, which the outbound policy keeps off the loopback
	 * address: a name that never resolves (RFC 6761), so each call fails at once.
	 */
	static final String UNRESOLVABLE = "hooks.demo.invalid";

	private final WebhookService webhooks;

	private final MonitorService monitors;

	private final UpstreamService upstreams;

	private final Environment environment;

	DemoIntegrations(WebhookService webhooks, MonitorService monitors, UpstreamService upstreams,
			Environment environment) {
		this.webhooks = webhooks;
		this.monitors = monitors;
		this.upstreams = upstreams;
		this.environment = environment;
	}

	/**
	 * Made before the incidents, so that these get deliveries for them.
	 */
	void seedWebhooks() {
		this.webhooks.createWebhook(new SaveWebhook("http://" + UNRESOLVABLE + "/hooks/status", null, "Ops automation",
				WebhookFormat.JSON, true, null, true));
		this.webhooks.createWebhook(new SaveWebhook("http://" + UNRESOLVABLE + "/hooks/chat", null, "Team chat",
				WebhookFormat.SLACK, false, List.of("incident_created", "incident_updated"), true));
		this.webhooks.createWebhook(new SaveWebhook("http://" + UNRESOLVABLE + "/hooks/old", null, "Old pager (paused)",
				WebhookFormat.DISCORD, true, null, false));
	}

	/**
	 * @param up a component that is operational, which the monitors that pass watch
	 * @param down a component in major outage, which the failing monitors watch
	 * @param latencyMetric the metric the HTTP monitor records its latency in
	 */
	void seedMonitors(long up, long down, long latencyMetric) {
		String self = "127.0.0.1:" + port();
		monitor(up, MonitorType.HTTP, "http://" + self + "/api/v1/ping", List.of(200), latencyMetric, true);
		monitor(up, MonitorType.TCP, self, List.of(), null, true);
		monitor(up, MonitorType.DNS, "localhost", List.of(), null, true);
		monitor(down, MonitorType.TLS, NOWHERE, List.of(), null, true);
		monitor(down, MonitorType.PUSH, null, List.of(), null, false);
	}

	void seedUpstreams() {
		this.upstreams.createUpstream(new SaveUpstream("Payment provider",
				"http://" + UNRESOLVABLE + "/api/v2/summary.json", UpstreamKind.STATUSPAGE, 300, 600, true));
		this.upstreams.createUpstream(new SaveUpstream("Partner Cachet",
				"http://" + UNRESOLVABLE + "/api/v1/components", UpstreamKind.CACHET, 600, 600, false));
	}

	private void monitor(long component, MonitorType type, @Nullable String target, List<Integer> expectedStatus,
			@Nullable Long metric, boolean enabled) {
		this.monitors.createMonitor(new SaveMonitor(component, type, target, 60, 5, expectedStatus, null, null, null,
				Map.of(), true, null, null, null, null, false, metric, enabled));
	}

	/**
	 * The port this app answers on: known once the server runs (a random one in tests).
	 */
	private int port() {
		return this.environment.getProperty("local.server.port", Integer.class,
				this.environment.getProperty("server.port", Integer.class, 8080));
	}

}
