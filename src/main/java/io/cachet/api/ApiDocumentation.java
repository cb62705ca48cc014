package io.cachet.api;

import java.util.Arrays;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The OpenAPI 3 document of {@code /api/v1} ({@code /api/v1/openapi.json}) and its
 * browsable reference ({@code /api/docs}), generated from the controllers by springdoc.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	static final String TOKEN_SCHEME = "X-Cachet-Token";

	static {
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(ApiFields.class);
	}

	@Bean
	OpenAPI cachetOpenApi(ObjectProvider<BuildProperties> build) {
		BuildProperties properties = build.getIfAvailable();
		return new OpenAPI()
			.info(new Info().title("Cachet API v1")
				.version((properties != null) ? properties.getVersion() : "dev")
				.description("Wire-compatible with Cachet 2.4's /api/v1. Items come as {\"data\":…}, lists as "
						+ "{\"meta\":{\"pagination\":…},\"data\":[…]} (per_page, page, sort, order and exact-match "
						+ "field filters), errors as {\"errors\":[{id,status,title,detail,meta.details}]}. Writes "
						+ "take JSON or form data and need the X-Cachet-Token header."))
			.components(new Components().addSecuritySchemes(TOKEN_SCHEME,
					new SecurityScheme().type(SecurityScheme.Type.APIKEY)
						.in(SecurityScheme.In.HEADER)
						.name(ApiTokenAuthenticationFilter.TOKEN_HEADER)));
	}

	/**
	 * Handlers read their input through {@link ApiFields}, which springdoc cannot see:
	 * describe it as a JSON object or form body, and mark every write as needing the
	 * token.
	 */
	@Bean
	OperationCustomizer cachetOperations() {
		return (operation, handlerMethod) -> {
			boolean readsFields = Arrays.stream(handlerMethod.getMethodParameters())
				.anyMatch((parameter) -> parameter.getParameterType() == ApiFields.class);
			if (readsFields) {
				operation.requestBody(new RequestBody().content(new Content()
					.addMediaType("application/json", new MediaType().schema(new ObjectSchema()))
					.addMediaType("application/x-www-form-urlencoded", new MediaType().schema(new ObjectSchema()))));
			}
			if (!handlerMethod.hasMethodAnnotation(GetMapping.class)) {
				operation.addSecurityItem(new SecurityRequirement().addList(TOKEN_SCHEME));
			}
			return operation;
		};
	}

}
