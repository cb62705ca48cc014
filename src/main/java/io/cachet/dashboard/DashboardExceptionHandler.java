package io.cachet.dashboard;

import io.cachet.shared.NotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A dashboard page about something that does not exist (or was just deleted) answers 404
 * with the dashboard's own page.
 */
@ControllerAdvice(basePackageClasses = DashboardExceptionHandler.class)
class DashboardExceptionHandler {

	@ExceptionHandler(NotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "dashboard/not-found";
	}

}
