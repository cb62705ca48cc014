package io.cachet.shared;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The application's {@link JsonMapper} as Spring Boot configures it, for tests that
 * render JSON without starting the application.
 */
public final class BootJson {

	private static final JsonMapper MAPPER = create();

	private BootJson() {
	}

	public static JsonMapper mapper() {
		return MAPPER;
	}

	private static JsonMapper create() {
		JsonMapper[] mapper = new JsonMapper[1];
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
			.run((context) -> mapper[0] = context.getBean(JsonMapper.class));
		return mapper[0];
	}

}
