package io.cachet.fuzz;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A valid request to one route, which the fuzzer mutates.
 *
 * @param method the HTTP method
 * @param pattern the route as the application declares it, with Spring's {@code {name}}
 * variables (for the coverage check)
 * @param path the path of a valid request (fixture ids filled in)
 * @param body the fields of a valid body, or {@code null} for a request without one
 * @param affected the lists (GET paths) that a refused write must leave exactly as they
 * were
 * @param undo after a write that was accepted: the request that puts things back
 * ({@code DELETE <path with {new} = the created id>} or the valid body again), or
 * {@code null}
 * @param kind how the route is fuzzed
 */
record RouteModel(String method, String pattern, String path, @Nullable Map<String, @Nullable Object> body,
		List<String> affected, @Nullable String undo, Kind kind) {

	enum Kind {

		/** A GET list: hostile sort, order, per_page, page and filters. */
		LIST,

		/** A GET of one thing (or a page): hostile ids and query. */
		READ,

		/** A POST that creates: undone with a DELETE of what it created. */
		CREATE,

		/**
		 * A PUT (or POST) that changes a fixture: undone by sending the valid body again.
		 */
		UPDATE,

		/** A DELETE: only with ids that name nothing, so that the fixtures stay. */
		DELETE,

		/** A form post of the public pages (subscribe, login, setup). */
		PUBLIC_FORM,

		/** A form of the dashboard, found on its pages. */
		FORM

	}

	boolean writes() {
		return this.kind == Kind.CREATE || this.kind == Kind.UPDATE || this.kind == Kind.DELETE
				|| this.kind == Kind.PUBLIC_FORM || this.kind == Kind.FORM;
	}

	/**
	 * The route's pattern with the variables' names and regexes left out: {@code /a/{}}.
	 */
	static String normalize(String pattern) {
		return pattern.replaceAll("\\{[^}]*}", "{}");
	}

	String key() {
		return this.method + " " + normalize(this.pattern);
	}

}
