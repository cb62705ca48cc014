package io.cachet.fuzz;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the dashboard's forms the way a user does: it follows the dashboard's links as
 * the admin and reads every {@code <form method="post">} with jsoup. Each form becomes a
 * {@link RouteModel} whose valid body is what the form would send untouched.
 */
final class DashboardForms {

	/**
	 * Forms the fuzzer leaves alone, each with the reason: they would end the fuzzing
	 * session itself or replace the whole database, not test input handling.
	 */
	static final Map<Pattern, String> SKIPPED = Map.of(Pattern.compile("/auth/logout"), "ends the session",
			Pattern.compile(".*/delete$"), "deletes a fixture (the API's DELETE routes are fuzzed with ids that miss)",
			Pattern.compile("/dashboard/team/\\d+/(deactivate|level)"), "would lock out or demote the fuzzing admin",
			Pattern.compile("/dashboard/user/(password|api-token|2fa/.*)"),
			"would change the fuzzing admin's credentials", Pattern.compile("/dashboard/settings/backup"),
			"replaces the whole database (BackupImportRefusalTests)", Pattern.compile("/dashboard/settings/import"),
			"imports from another server over the network", Pattern.compile("/dashboard/settings/sign-in/test-ldap"),
			"its form shows only with a directory configured, and it reads no input (LdapLoginIntegrationTests)");

	private static final Pattern LOCAL = Pattern.compile("http://localhost(:\\d+)?(?=/)");

	private static final Pattern ID = Pattern.compile("/\\d+(?=/|$)");

	record Form(String page, String action, Map<String, String> fields) {
	}

	private DashboardForms() {
	}

	/**
	 * @param get answers a GET (status, body) as the admin
	 * @param onPage told of every page read, to check its answer
	 * @param start where to begin: the dashboard, and pages a link to which the crawl
	 * would not pick (only the first link of each shape is followed)
	 * @return the forms found, one per action pattern and field set
	 */
	static List<Form> discover(java.util.function.Function<String, FuzzHttp.Answer> get,
			Consumer<Map.Entry<String, FuzzHttp.Answer>> onPage, List<String> start, int maxPages) {
		Deque<String> queue = new ArrayDeque<>(start);
		Set<String> seen = new LinkedHashSet<>(queue);
		Set<String> patterns = new LinkedHashSet<>();
		Map<String, Form> forms = new LinkedHashMap<>();
		while (!queue.isEmpty() && seen.size() <= maxPages) {
			String page = queue.removeFirst();
			FuzzHttp.Answer answer = get.apply(page);
			onPage.accept(Map.entry(page, answer));
			String redirect = path(
					answer.location().startsWith("/") ? "http://localhost" + answer.location() : answer.location());
			if (redirect != null && redirect.startsWith("/dashboard") && seen.add(redirect)) {
				queue.add(redirect);
			}
			if (answer.status() != 200) {
				continue;
			}
			Document document = Jsoup.parse(answer.body(), "http://localhost" + page);
			for (Element link : document.select("a[href]")) {
				String href = path(link.attr("abs:href"));
				// one page per pattern (incident 1 and incident 2 have the same forms)
				if (href != null && href.startsWith("/dashboard") && patterns.add(ID.matcher(href).replaceAll("/{}"))
						&& seen.add(href)) {
					queue.add(href);
				}
			}
			for (Element form : document.select("form")) {
				if (!form.attr("method").equalsIgnoreCase("post")) {
					continue;
				}
				String action = path(form.hasAttr("action") ? form.attr("abs:action") : "http://localhost" + page);
				if (action == null) {
					continue;
				}
				Map<String, String> fields = fields(form);
				String key = ID.matcher(action).replaceAll("/{}") + " " + fields.keySet();
				forms.putIfAbsent(key, new Form(page, action, fields));
			}
		}
		return new ArrayList<>(forms.values());
	}

	static String skipReason(String action) {
		return SKIPPED.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().matcher(action).matches())
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(null);
	}

	private static String path(String absolute) {
		java.util.regex.Matcher local = LOCAL.matcher(absolute);
		if (!local.lookingAt()) {
			return null;
		}
		String path = absolute.substring(local.end());
		int hash = path.indexOf('#');
		return (hash >= 0) ? path.substring(0, hash) : path;
	}

	private static Map<String, String> fields(Element form) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (Element input : form.select("input[name], select[name], textarea[name]")) {
			String name = input.attr("name");
			String type = input.attr("type").toLowerCase();
			if (input.tagName().equals("select")) {
				Element option = input.selectFirst("option[selected]");
				if (option == null) {
					option = input.selectFirst("option");
				}
				fields.putIfAbsent(name, (option != null) ? option.attr("value") : "");
			}
			else if (input.tagName().equals("textarea")) {
				fields.putIfAbsent(name, input.text());
			}
			else if (type.equals("checkbox") || type.equals("radio")) {
				if (input.hasAttr("checked") || !fields.containsKey(name) && type.equals("radio")) {
					fields.put(name, input.hasAttr("value") ? input.attr("value") : "on");
				}
			}
			else if (!type.equals("submit") && !type.equals("file") && !type.equals("button")) {
				fields.putIfAbsent(name, input.attr("value"));
			}
		}
		return fields;
	}

}
