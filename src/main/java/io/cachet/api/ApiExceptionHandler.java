package io.cachet.api;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.TransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import io.cachet.shared.DatabaseOutage;
import io.cachet.outbound.OutboundNotAllowedException;
import io.cachet.shared.InvalidInputException;
import io.cachet.shared.NotFoundException;

/**
 * Maps every exception raised by an API controller to Cachet's error envelope. Spring
 * MVC's own exceptions keep their status (400 for a malformed body, 405, 415, ...); an
 * unexpected exception is logged once, with the id its envelope carries, and answered
 * with a generic 500 that reveals nothing.
 */
@RestControllerAdvice(basePackageClasses = ApiExceptionHandler.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<String> details = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(ApiExceptionHandler::describe)
			.toList();
		return ResponseEntity.badRequest().body(ApiErrors.badRequest(details));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest().body(ApiErrors.badRequest(List.of("The request body is not valid JSON.")));
	}

	/**
	 * A path id that is not a number, or too large for one, names no record: 404 as in
	 * Cachet.
	 */
	@Override
	protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		if (ex instanceof MethodArgumentTypeMismatchException mismatch
				&& mismatch.getParameter().hasParameterAnnotation(PathVariable.class)) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ApiErrors.of(HttpStatus.NOT_FOUND));
		}
		return ResponseEntity.badRequest().body(ApiErrors.of(HttpStatus.BAD_REQUEST));
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ApiErrors errors = statusCode.is5xxServerError()
				? ApiErrors.serverError(statusCode, ex, ApiErrors.describe(servletRequest(request)))
				: ApiErrors.of(statusCode);
		return ResponseEntity.status(statusCode).headers(headers).body(errors);
	}

	private static HttpServletRequest servletRequest(WebRequest request) {
		return ((ServletWebRequest) request).getRequest();
	}

	@ExceptionHandler
	ResponseEntity<ApiErrors> handleInvalidFields(ApiValidationException ex) {
		return ResponseEntity.badRequest().body(ApiErrors.badRequest(ex.details()));
	}

	/**
	 * A webhook or upstream address that the outbound policy forbids: 422, naming the
	 * policy, since the request itself is well formed.
	 */
	@ExceptionHandler
	ResponseEntity<ApiErrors> handleOutboundNotAllowed(OutboundNotAllowedException ex) {
		return ResponseEntity.unprocessableContent().body(ApiErrors.unprocessable(ex.details()));
	}

	@ExceptionHandler
	ResponseEntity<ApiErrors> handleInvalidInput(InvalidInputException ex) {
		return ResponseEntity.badRequest().body(ApiErrors.badRequest(ex.details()));
	}

	@ExceptionHandler
	ResponseEntity<ApiErrors> handleNotFound(NotFoundException ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ApiErrors.of(HttpStatus.NOT_FOUND));
	}

	/**
	 * {@link UnparsableParametersFilter} refuses these before any controller; this is for
	 * parameters parsed later (a query string on a multipart request).
	 */
	@ExceptionHandler
	ResponseEntity<ApiErrors> handleUnparsableParameters(InvalidParameterException ex) {
		return ResponseEntity.badRequest()
			.body(ApiErrors.badRequest(List.of("The query string or form body cannot be parsed.")));
	}

	@ExceptionHandler
	ResponseEntity<ApiErrors> handleTooLarge(PayloadTooLargeException ex) {
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(ApiErrors.of(HttpStatus.CONTENT_TOO_LARGE));
	}

	/**
	 * A secret this server cannot decrypt (its encryption key changed): the server's
	 * fault, not the client's, and one an admin fixes; the log names the secret.
	 */
	@ExceptionHandler
	ResponseEntity<ApiErrors> handleUnreadableSecret(io.cachet.crypto.UnreadableSecretException ex) {
		log.warn("{}", ex.getMessage());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(ApiErrors.of(HttpStatus.SERVICE_UNAVAILABLE));
	}

	/**
	 * Cachet answers database errors with 400; a constraint that input validation did not
	 * catch (a duplicate, a value too long for its column) is the client's input, not a
	 * server fault.
	 */
	@ExceptionHandler
	ResponseEntity<ApiErrors> handleDataIntegrity(DataIntegrityViolationException ex) {
		log.info("Refused a write that breaks a database constraint: {}", ex.getMostSpecificCause().getMessage());
		return ResponseEntity.badRequest()
			.body(ApiErrors.badRequest(List.of("The request conflicts with the stored data.")));
	}

	/**
	 * The database does not answer (refused, timed out, connection lost; see
	 * {@link DatabaseOutage#isOutage}): 503 with {@code Retry-After}, quickly, since the
	 * pool gives up after its connection timeout. The outage is logged once by
	 * {@link DatabaseOutage}, each answer here as one line with its id. Any other
	 * database failure is unexpected (constraint violations have their own handler).
	 */
	@ExceptionHandler({ DataAccessException.class, TransactionException.class })
	ResponseEntity<ApiErrors> handleDatabaseUnavailable(RuntimeException ex, HttpServletRequest request) {
		if (!DatabaseOutage.isOutage(ex)) {
			return handleUnexpected(ex, request);
		}
		ApiErrors errors = ApiErrors.databaseUnavailable();
		log.info("Answered 503 {}: the database is unavailable ({})", errors.errors().get(0).id(),
				ex.getClass().getSimpleName());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, DatabaseOutage.RETRY_AFTER_SECONDS)
			.body(errors);
	}

	@ExceptionHandler
	ResponseEntity<ApiErrors> handleUnexpected(Exception ex, HttpServletRequest request) {
		return ResponseEntity.internalServerError()
			.body(ApiErrors.serverError(HttpStatus.INTERNAL_SERVER_ERROR, ex, ApiErrors.describe(request)));
	}

	private static String describe(FieldError error) {
		return "The " + error.getField() + " " + error.getDefaultMessage() + ".";
	}

}
