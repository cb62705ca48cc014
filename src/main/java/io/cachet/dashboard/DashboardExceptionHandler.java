package io.cachet.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.cachet.shared.DatabaseOutage;
import io.cachet.shared.NotFoundException;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;

/**
 * A dashboard page about something that does not exist (or was just deleted) answers 404
 * with the dashboard's own page.
 * <p>
 * While the database does not answer, any dashboard request answers 503 with a page that
 * says so. For a form that was sent, that page says the changes were not saved and keeps
 * what was typed: it lists the values and holds them in a "Try again" form that sends
 * them again, unchanged, to the same address. Re-rendering the original form instead is
 * not possible in general: the forms need the database themselves (the groups to choose
 * from, the components an incident affects, the templates). Uploaded files are the one
 * thing that cannot be kept; the page asks to choose them again.
 */
@ControllerAdvice(basePackageClasses = DashboardExceptionHandler.class)
class DashboardExceptionHandler {

	/** Fields the page keeps for the retry but does not print. */
	private static final List<String> SECRET_FIELDS = List.of("password", "secret", "token");

	private final DatabaseOutage database;

	DashboardExceptionHandler(DatabaseOutage database) {
		this.database = database;
	}

	@ExceptionHandler(NotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "dashboard/not-found";
	}

	/**
	 * A secret stored under another encryption key: the admin must fix the key (or enter
	 * the secret again); nothing the user sent was wrong.
	 */
	@ExceptionHandler(io.cachet.crypto.UnreadableSecretException.class)
	ModelAndView secretUnreadable(io.cachet.crypto.UnreadableSecretException ex) {
		ModelAndView page = new ModelAndView("dashboard/secret-unreadable", HttpStatus.SERVICE_UNAVAILABLE);
		page.addObject("message", ex.getMessage());
		return page;
	}

	/**
	 * Any other database failure is thrown on, to the error page, as before.
	 */
	@ExceptionHandler({ DataAccessException.class, TransactionException.class })
	ModelAndView databaseUnavailable(RuntimeException ex, HttpServletRequest request, HttpServletResponse response) {
		if (!this.database.report(ex)) {
			throw ex;
		}
		response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseOutage.RETRY_AFTER_SECONDS);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		ModelAndView page = new ModelAndView("dashboard/unavailable", HttpStatus.SERVICE_UNAVAILABLE);
		boolean sent = "POST".equals(request.getMethod());
		page.addObject("sent", sent);
		page.addObject("action", request.getRequestURI());
		page.addObject("fields", sent ? submitted(request) : List.of());
		page.addObject("files", sent && request.getContentType() != null
				&& request.getContentType().toLowerCase(Locale.ROOT).startsWith("multipart/"));
		return page;
	}

	private static List<Field> submitted(HttpServletRequest request) {
		List<Field> fields = new ArrayList<>();
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			String name = parameter.getKey();
			if (name.equals("_csrf")) {
				// the retry form carries the current token itself
				continue;
			}
			for (String value : parameter.getValue()) {
				fields.add(new Field(name, value, isSecret(name)));
			}
		}
		return fields;
	}

	private static boolean isSecret(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return SECRET_FIELDS.stream().anyMatch(lower::contains);
	}

	/**
	 * One value sent with the form (a field sent several times gives several).
	 */
	record Field(String name, String value, boolean secret) {

	}

}
