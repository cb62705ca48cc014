/**
 * The JSON REST API under {@code /api/v1}, wire-compatible with Cachet 2.4: its
 * envelopes, its error format, {@code X-Cachet-Token} authentication and its status
 * codes.
 * <p>
 * Three servlet filters here guard every path, not only the API, because they must run
 * before anything else reads the request: {@code ServerErrorFilter} (an exception no
 * handler took is logged once with an error id the client sees),
 * {@code UnparsableParametersFilter} (query strings and form bodies Tomcat cannot parse
 * are a 400) and the trailing slash filter (Laravel's {@code /api/v1/x/} is
 * {@code /api/v1/x}). They answer the API in Cachet's envelope and other pages with the
 * error page ({@code templates/error/5xx.html} shows the id).
 */
@ApplicationModule(allowedDependencies = { "cluster", "component", "crypto", "incident", "metric", "monitor",
		"notification", "outbound", "schedule", "settings", "shared", "subscriber", "upstream", "user" })
@NullMarked
package io.cachet.api;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
