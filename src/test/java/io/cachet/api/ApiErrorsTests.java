package io.cachet.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class ApiErrorsTests {

	@Test
	void everyServerErrorIsLoggedWithItsId(CapturedOutput output) {
		ApiErrors unavailable = ApiErrors.of(HttpStatus.SERVICE_UNAVAILABLE);
		ApiErrors failed = ApiErrors.serverError(HttpStatus.INTERNAL_SERVER_ERROR, new IllegalStateException("boom"),
				"GET /api/v1/components");

		assertThat(output).contains("answered 503 with error id " + unavailable.id())
			.contains("GET /api/v1/components answered 500 with error id " + failed.id())
			.contains("java.lang.IllegalStateException: boom");
	}

	@Test
	void clientErrorsAreNotLogged(CapturedOutput output) {
		ApiErrors notFound = ApiErrors.of(HttpStatus.NOT_FOUND);

		assertThat(output).doesNotContain(notFound.id());
	}

}
