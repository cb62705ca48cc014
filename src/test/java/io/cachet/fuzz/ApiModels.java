package io.cachet.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.cachet.fuzz.RouteModel.Kind;

/**
 * A valid request for every {@code /api/v1} route, and for the public routes and pages
 * (the Statuspage JSON of {@code /api/v2}, the page, feeds, badges, subscribe and login).
 * A route the application has and this list lacks fails the fuzz test's coverage check:
 * add its model here.
 */
final class ApiModels {

	static final String V1 = "/api/v1";

	private final Fixtures fixtures;

	private final List<RouteModel> models = new ArrayList<>();

	private ApiModels(Fixtures fixtures) {
		this.fixtures = fixtures;
	}

	static List<RouteModel> api(Fixtures fixtures) {
		ApiModels api = new ApiModels(fixtures);
		api.meta();
		api.components();
		api.incidents();
		api.schedules();
		api.metrics();
		api.subscribers();
		api.notifications();
		return api.models;
	}

	private void meta() {
		read("/api/v1/ping");
		read("/api/v1/version");
		read("/api/v1/status");
		read("/api/v1/openapi.json");
		read("/api/v1/openapi.json.yaml");
		read("/api/v1/openapi.json/swagger-config");
		read("/api/docs");
		String push = "/api/v1/monitors/push/{token}";
		add("GET", push, push.replace("{token}", this.fixtures.pushToken()), null, List.of(), null, Kind.READ);
		add("POST", push, push.replace("{token}", this.fixtures.pushToken()), null, List.of(), null, Kind.READ);
	}

	private void components() {
		List<String> affected = List.of("/api/v1/components", "/api/v1/components/groups");
		resource("/api/v1/components", "{id}", "component", component(), affected);
		read("/api/v1/components/{id}/uptime", "/api/v1/components/" + id("component") + "/uptime?days=30");
		resource("/api/v1/components/groups", "{id}", "group",
				body("name", "Fuzz group", "order", 2, "collapsed", 1, "visible", 1), affected);
	}

	private Map<String, @Nullable Object> component() {
		return body("name", "Fuzz component", "status", 2, "description", "Checkout **API**", "link",
				"https://example.com/status", "order", 3, "group_id", id("group"), "enabled", true, "meta",
				Map.of("owner", "payments"), "tags", List.of("core", "eu"));
	}

	private void incidents() {
		List<String> affected = List.of("/api/v1/incidents", "/api/v1/components",
				"/api/v1/incidents/" + id("incident") + "/updates");
		Map<String, @Nullable Object> incident = body("name", "Fuzz incident", "status", 2, "message",
				"Payments *slow*", "component_id", id("component"), "component_status", 3, "visible", true, "stickied",
				false, "notify", false, "occurred_at", "2026-11-30 10:00:00", "components",
				Map.of(String.valueOf(id("component")), 3), "meta", Map.of("ticket", "OPS-1"), "vars",
				Map.of("service", "checkout"));
		resource("/api/v1/incidents", "{id}", "incident", incident, affected);
		resource("/api/v1/incidents/{incident}/updates", "{update}", "update",
				body("status", 3, "message", "A fix is rolling out"), affected);
		resource(
				"/api/v1/incidents/templates", "{id}", "template", body("name", "Fuzz template", "template",
						"{{ service }} is slow {% if x %}x{% endif %}", "slug", "fuzz-template"),
				List.of("/api/v1/incidents/templates"));
	}

	private void schedules() {
		resource("/api/v1/schedules", "{id}", "schedule",
				body("name", "Fuzz maintenance", "message", "Database upgrade", "status", 0, "scheduled_at",
						"2027-01-10 02:00:00", "completed_at", "2027-01-10 04:00:00", "components",
						Map.of(String.valueOf(id("component")), 2), "notify", false),
				List.of("/api/v1/schedules", "/api/v1/components"));
	}

	private void metrics() {
		List<String> affected = List.of("/api/v1/metrics", "/api/v1/metrics/" + id("metric") + "/points");
		resource("/api/v1/metrics", "{id}", "metric",
				body("name", "Fuzz latency", "suffix", "ms", "description", "p95", "default_value", 0, "calc_type", 1,
						"display_chart", true, "places", 2, "default_view", 1, "threshold", 5, "order", 1, "visible",
						1),
				affected);
		resource("/api/v1/metrics/{id}/points", "{point}", "point",
				body("value", 12.5, "timestamp", this.fixtures.now() - 120), affected);
	}

	private void subscribers() {
		List<String> affected = List.of("/api/v1/subscribers");
		String list = "/api/v1/subscribers";
		add("GET", list, list, null, affected, null, Kind.LIST);
		add("POST", list, list,
				body("email", "fuzz@example.com", "verify", true, "components", List.of(id("component"))), affected,
				"DELETE /api/v1/subscribers/{new}", Kind.CREATE);
		add("DELETE", list + "/{id}", list + "/" + id("subscriber"), null, affected, null, Kind.DELETE);
		add("DELETE", "/api/v1/subscriptions/{id}", "/api/v1/subscriptions/" + id("subscription"), null, affected, null,
				Kind.DELETE);
	}

	private void notifications() {
		resource("/api/v1/webhooks", "{id}", "webhook",
				body("url", "http://127.0.0.1:9/hook", "description", "Fuzz hook", "secret", "s3cret-s3cret", "format",
						"json", "events", List.of("incident_created", "component_status_changed"), "send_all_events",
						false, "enabled", false),
				List.of("/api/v1/webhooks"));
		read("/api/v1/webhooks/{id}/deliveries", "/api/v1/webhooks/" + id("webhook") + "/deliveries");
		resource("/api/v1/monitors", "{id}", "monitor",
				body("type", "push", "component_id", id("component"), "interval", 60, "failure_threshold", 2,
						"recovery_threshold", 1, "auto_incident", false, "enabled", false),
				List.of("/api/v1/monitors", "/api/v1/components"));
		read("/api/v1/monitors/{id}/results", "/api/v1/monitors/" + id("monitor") + "/results");
		List<String> upstreamLists = List.of("/api/v1/upstreams", "/api/v1/components");
		// before the upstream's own routes: its update may replace what it follows
		String hide = "/api/v1/upstreams/{id}/components/{componentId}";
		String hidePath = "/api/v1/upstreams/" + id("upstream") + "/components/" + id("upstreamComponent");
		add("PUT", hide, hidePath, body("hidden", false), upstreamLists, "PUT " + hidePath, Kind.UPDATE);
		resource("/api/v1/upstreams", "{id}", "upstream",
				body("name", "Fuzz upstream", "url", this.fixtures.upstreamBase() + "/api/v2/summary.json", "kind",
						"statuspage", "interval", 60, "grace", 300, "enabled", false, "hidden", false),
				upstreamLists);
	}

	/**
	 * The five routes of a resource: list, read, create, update and delete.
	 * @param list the list path, possibly with the parent's variable
	 * @param variable the item's variable as the application names it
	 */
	private void resource(String list, String variable, String fixture, Map<String, @Nullable Object> valid,
			List<String> affected) {
		String listPath = list.replace("{incident}", String.valueOf(id("incident")))
			.replace("{id}", String.valueOf(id(list.contains("metrics") ? "metric" : "incident")));
		String item = list + "/" + variable;
		String itemPath = listPath + "/" + id(fixture);
		add("GET", list, listPath, null, affected, null, Kind.LIST);
		add("GET", item, itemPath, null, affected, null, Kind.READ);
		add("POST", list, listPath, valid, affected, "DELETE " + listPath + "/{new}", Kind.CREATE);
		add("PUT", item, itemPath, valid, affected, "PUT " + itemPath, Kind.UPDATE);
		add("DELETE", item, itemPath, null, affected, null, Kind.DELETE);
	}

	private void read(String path) {
		read(path, path);
	}

	private void read(String pattern, String path) {
		add("GET", pattern, path, null, List.of(), null, Kind.READ);
	}

	private void add(String method, String pattern, String path, @Nullable Map<String, @Nullable Object> body,
			List<String> affected, @Nullable String undo, Kind kind) {
		this.models.add(new RouteModel(method, pattern, path, body, affected, undo, kind));
	}

	private long id(String fixture) {
		return this.fixtures.id(fixture);
	}

	static Map<String, @Nullable Object> body(Object... keysAndValues) {
		Map<String, @Nullable Object> body = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			body.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return body;
	}

	/**
	 * The public side: what {@code PublicResourceFilter} serves (not in the handler
	 * mapping, so listed here by hand from {@code PublicResources}) and the public
	 * controllers (subscribe, sign-up, login, setup).
	 */
	static List<RouteModel> publicRoutes(Fixtures fixtures) {
		List<RouteModel> routes = new ArrayList<>();
		long incident = fixtures.id("incident");
		String subscriber = String.valueOf(fixtures.id("subscriber"));
		String component = String.valueOf(fixtures.id("component"));
		Map<String, String> controllers = new LinkedHashMap<>();
		controllers.put("/subscribe/verify/{id}/{signature}", "/subscribe/verify/" + subscriber + "/bad-signature");
		controllers.put("/subscribe/manage/{id}/{signature}", "/subscribe/manage/" + subscriber + "/bad-signature");
		controllers.put("/unsubscribe/{id}/{signature}", "/unsubscribe/" + subscriber + "/bad-signature");
		controllers.put("/unsubscribe/{id}/{componentId}/{signature}",
				"/unsubscribe/" + subscriber + "/" + component + "/bad-signature");
		controllers.put("/signup/invite/{code}", "/signup/invite/not-a-code");
		controllers.put("/auth/2fa", "/auth/2fa");
		controllers.forEach(
				(pattern, path) -> routes.add(new RouteModel("GET", pattern, path, null, List.of(), null, Kind.READ)));
		for (String path : List.of("/", "/?start_date=2026-11-01", "/?page=2", "/embed", "/widget.js", "/badge.svg",
				"/incidents/" + incident, "/schedules/" + fixtures.id("schedule"),
				"/metrics/" + fixtures.id("metric") + "?filter=day",
				"/components/" + fixtures.id("component") + "/badge.svg?style=flat-square",
				"/component/" + fixtures.id("component") + "/shield", "/rss", "/atom", "/rss/" + fixtures.id("group"),
				"/atom/" + fixtures.id("group"), "/api/v2/summary.json", "/api/v2/status.json",
				"/api/v2/components.json", "/api/v2/incidents.json", "/api/v2/incidents/unresolved.json",
				"/api/v2/scheduled-maintenances.json", "/api/v2/scheduled-maintenances/upcoming.json",
				"/api/v2/scheduled-maintenances/active.json", "/subscribe", "/auth/login", "/setup",
				"/signup/invite/not-a-code", "/subscribe/verify/" + fixtures.id("subscriber") + "/bad-signature",
				"/subscribe/manage/" + fixtures.id("subscriber") + "/bad-signature",
				"/unsubscribe/" + fixtures.id("subscriber") + "/bad-signature",
				"/unsubscribe/" + fixtures.id("subscriber") + "/" + fixtures.id("component") + "/bad-signature")) {
			routes.add(new RouteModel("GET", path, path, null, List.of(), null, Kind.READ));
		}
		List<String> subscribers = List.of("/api/v1/subscribers");
		routes.add(new RouteModel("POST", "/subscribe", "/subscribe", body("email", "visitor@example.com"), subscribers,
				null, Kind.PUBLIC_FORM));
		String manage = "/subscribe/manage/" + fixtures.id("subscriber") + "/bad-signature";
		routes.add(new RouteModel("POST", "/subscribe/manage/{id}/{signature}", manage,
				body("components[]", String.valueOf(fixtures.id("component"))), subscribers, null, Kind.PUBLIC_FORM));
		for (String unsubscribe : List.of("/unsubscribe/{id}/{signature}",
				"/unsubscribe/{id}/{componentId}/{signature}")) {
			String path = unsubscribe.replace("{id}", String.valueOf(fixtures.id("subscriber")))
				.replace("{componentId}", String.valueOf(fixtures.id("component")))
				.replace("{signature}", "bad-signature");
			routes.add(new RouteModel("POST", unsubscribe, path, body(), subscribers, null, Kind.PUBLIC_FORM));
		}
		routes.add(
				new RouteModel("POST", "/signup/invite/{code}", "/signup/invite/not-a-code",
						body("username", "newcomer", "email", "newcomer@example.com", "password",
								"correct horse battery", "password_confirmation", "correct horse battery"),
						List.of(), null, Kind.PUBLIC_FORM));
		routes.add(new RouteModel("POST", "/setup", "/setup",
				body("app_name", "Hijacked", "username", "intruder", "email", "intruder@example.com", "password",
						"correct horse battery", "password_confirmation", "correct horse battery"),
				List.of("/api/v1/components"), null, Kind.PUBLIC_FORM));
		routes.add(new RouteModel("POST", "/auth/login", "/auth/login",
				body("username", "nobody", "password", "wrong password"), List.of(), null, Kind.PUBLIC_FORM));
		routes.add(new RouteModel("POST", "/auth/2fa", "/auth/2fa", body("code", "123456"), List.of(), null,
				Kind.PUBLIC_FORM));
		return routes;
	}

}
