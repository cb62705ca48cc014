package io.cachet.statuspage;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.ClientAbortException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the {@link PublicResources} in Tomcat's pipeline, before it builds the servlet
 * filter chain. Building the chain looks each filter up under one lock of the web
 * application ({@code StandardContext.findFilterConfig}, synchronized, once per filter
 * and request): at 64 connections on 2 busy cores the thread holding it gets preempted
 * and the others queue behind it, which is where most of the page's p99 went (JFR showed
 * the workers blocked there 24 s per second of load). The answer is the one the
 * {@link PublicResourceFilter} gives, written by the same code.
 * <p>
 * Only what the filters before that one would leave alone is answered here: GET or HEAD
 * without a query string (the API's filter refuses unparsable parameters), no trailing
 * slash (the API's filter strips it), and nothing that a {@link BeforeFiltersGuard}
 * claims (the setup wizard's redirect). An exception goes down the usual chain instead,
 * where the filter meets it again and the server error filter answers it with an error
 * id; a visitor gone before the answer is written is no error (Tomcat's servlet valve
 * says nothing either). Everything else, and the same request when the page is for
 * logged-in users only, goes on to the filter chain as before.
 */
class PublicResourceValve extends ValveBase {

	private static final Logger logger = LoggerFactory.getLogger(PublicResourceValve.class);

	private final PublicResourceFilter filter;

	private final List<BeforeFiltersGuard> guards;

	PublicResourceValve(PublicResourceFilter filter, List<BeforeFiltersGuard> guards) {
		super(true);
		this.filter = filter;
		this.guards = List.copyOf(guards);
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		if (answersEarly(request)) {
			try {
				if (this.filter.answer(request, response)) {
					return;
				}
			}
			catch (ClientAbortException ex) {
				// the visitor left: as Tomcat's own servlet valve, nothing to report
				logger.debug("Client gone while its public resource was written", ex);
				return;
			}
			catch (RuntimeException ex) {
				if (response.isCommitted()) {
					throw ex;
				}
				logger.debug("Public resource failed before the filters, handing it to them", ex);
				response.reset();
			}
		}
		getNext().invoke(request, response);
	}

	private boolean answersEarly(Request request) {
		if (request.getQueryString() != null) {
			return false;
		}
		String path = PublicResourceFilter.path(request);
		if (path.length() > 1 && path.endsWith("/")) {
			return false;
		}
		for (BeforeFiltersGuard guard : this.guards) {
			if (guard.needsFilters(path)) {
				return false;
			}
		}
		return true;
	}

}
