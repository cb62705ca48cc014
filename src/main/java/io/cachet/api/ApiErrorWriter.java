package io.cachet.api;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Writes an error envelope straight to the response, for errors raised before a
 * controller runs (authentication, the Accept check, unknown routes). It bypasses content
 * negotiation on purpose: Cachet answers with JSON even to a client whose Accept header
 * excludes it.
 */
@Component
class ApiErrorWriter {

	private final JsonMapper jsonMapper;

	ApiErrorWriter(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	void write(HttpServletResponse response, ApiErrors errors) throws IOException {
		response.setStatus(errors.status());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		this.jsonMapper.writeValue(response.getOutputStream(), errors);
	}

}
