package io.cachet.statuspage;

/**
 * A servlet filter's claim on some requests for the public resources. Most of those are
 * answered before Tomcat runs the servlet filters at all (for speed); a filter that must
 * act on some of them first (the setup wizard's redirect of {@code /} before the first
 * user exists) declares this bean, and the requests it claims go down the filter chain.
 */
@FunctionalInterface
public interface BeforeFiltersGuard {

	/**
	 * @param path the request's path inside the application (no query string: requests
	 * with one always go down the chain)
	 * @return the request must pass the filters before the page answers it
	 */
	boolean needsFilters(String path);

}
