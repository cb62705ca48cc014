package io.cachet.api;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * Cachet's error envelope:
 * {@code {"errors":[{"id","status","title","detail","meta":{"details":[]}}]}}. Titles and
 * details are the fixed texts Cachet's error displayer uses, safe to show.
 * <p>
 * Every 5xx envelope is logged at ERROR with its {@code id}, so that the id a user
 * reports finds the log line: {@link #serverError} with the exception's stack trace, and
 * {@link #of} for a 5xx without one.
 */
record ApiErrors(List<Error> errors) {

	private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

	static ApiErrors of(HttpStatusCode status) {
		ApiErrors errors = create(status);
		if (status.is5xxServerError()) {
			log.error("API request answered {} with error id {}", status.value(), errors.id());
		}
		return errors;
	}

	/**
	 * A 5xx caused by an exception, logged at ERROR with the envelope's id and the stack
	 * trace.
	 * @param request what was asked, for the log ({@code "GET /api/v1/components"})
	 */
	static ApiErrors serverError(HttpStatusCode status, Throwable cause, String request) {
		ApiErrors errors = create(status);
		log.error("{} answered {} with error id {}", request, status.value(), errors.id(), cause);
		return errors;
	}

	static String describe(HttpServletRequest request) {
		return request.getMethod() + " " + request.getRequestURI();
	}

	private static ApiErrors create(HttpStatusCode status) {
		return new ApiErrors(List
			.of(new Error(UUID.randomUUID().toString(), status.value(), title(status), detail(status.value()), null)));
	}

	String id() {
		return this.errors.get(0).id();
	}

	/**
	 * A 400 with the list of what was wrong with the request, as Cachet reports
	 * validation errors.
	 */
	static ApiErrors badRequest(List<String> details) {
		HttpStatus status = HttpStatus.BAD_REQUEST;
		return new ApiErrors(List.of(new Error(UUID.randomUUID().toString(), status.value(), title(status),
				detail(status.value()), new Meta(details))));
	}

	/**
	 * A 422: the request is well formed but asks for something refused, with the reasons
	 * as details (an address the outbound policy forbids).
	 */
	static ApiErrors unprocessable(List<String> details) {
		HttpStatus status = HttpStatus.UNPROCESSABLE_CONTENT;
		return new ApiErrors(List.of(new Error(UUID.randomUUID().toString(), status.value(), title(status),
				detail(status.value()), new Meta(details))));
	}

	/**
	 * A 503 for a request that needs the database while it does not answer; the client
	 * may try again (the answer carries {@code Retry-After}).
	 */
	static ApiErrors databaseUnavailable() {
		HttpStatus status = HttpStatus.SERVICE_UNAVAILABLE;
		return new ApiErrors(List.of(new Error(UUID.randomUUID().toString(), status.value(), title(status),
				detail(status.value()), new Meta(List.of("The database is unavailable; try again shortly.")))));
	}

	int status() {
		return this.errors.get(0).status();
	}

	private static String title(HttpStatusCode status) {
		HttpStatus known = HttpStatus.resolve(status.value());
		return (known != null) ? known.getReasonPhrase() : "Error";
	}

	private static String detail(int status) {
		return switch (status) {
			case 400 -> "The request cannot be fulfilled due to bad syntax.";
			case 401 -> "Authentication is required and has failed or has not yet been provided.";
			case 403 -> "The request was a valid request, but the server is refusing to respond to it.";
			case 404 -> "The requested resource could not be found but may be available again in the future.";
			case 405 -> "A request was made of a resource using a request method not supported by that resource.";
			case 406 -> "The requested resource is only capable of generating content not acceptable "
					+ "according to the Accept headers sent in the request.";
			case 409 -> "The request could not be processed because of conflict in the request.";
			case 413 -> "The request is larger than the server is willing or able to process.";
			case 415 -> "The request entity has a media type which the server or resource does not support.";
			case 422 -> "The request was well-formed but was unable to be followed due to semantic errors.";
			case 429 -> "Too many requests have been sent in a given amount of time.";
			case 503 -> "The server is currently unavailable. It may be overloaded or down for maintenance.";
			default -> "An error has occurred and this resource cannot be displayed.";
		};
	}

	record Error(String id, int status, String title, String detail,
			@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Meta meta) {

	}

	record Meta(List<String> details) {

	}

}
