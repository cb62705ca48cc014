package io.cachet.api;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The OpenAPI 3 document of {@code /api/v1} ({@code /api/v1/openapi.json}) and its
 * browsable reference ({@code /api/docs}), generated from the controllers by springdoc.
 */
@Configuration(proxyBeanMethods = false)
@SuppressWarnings("rawtypes")
class ApiDocumentation {

	static final String TOKEN_SCHEME = "X-Cachet-Token";

	private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

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
	 * A handler's {@link ApiRequest} record is its request body, whose schema springdoc
	 * derives from the record (names, types, Bean Validation constraints): offer it as
	 * JSON and as form data, which Cachet's clients send too. Every write needs the
	 * token.
	 */
	@Bean
	OperationCustomizer cachetOperations() {
		return (operation, handlerMethod) -> {
			Class<?> request = Arrays.stream(handlerMethod.getMethodParameters())
				.map(MethodParameter::getParameterType)
				.filter((type) -> type.isAnnotationPresent(ApiRequest.class))
				.findFirst()
				.orElse(null);
			if (request != null) {
				Schema<?> schema = requestSchema(request);
				operation.requestBody(new RequestBody().required(true)
					.content(new Content().addMediaType("application/json", new MediaType().schema(schema))
						.addMediaType("application/x-www-form-urlencoded", new MediaType().schema(schema))));
			}
			if (!handlerMethod.hasMethodAnnotation(GetMapping.class)) {
				operation.addSecurityItem(new SecurityRequirement().addList(TOKEN_SCHEME));
			}
			return operation;
		};
	}

	/**
	 * The record's schema, with the schemas it refers to, for {@link #requestSchemas}.
	 */
	private Schema<?> requestSchema(Class<?> type) {
		ResolvedSchema resolved = ModelConverters.getInstance()
			.readAllAsResolvedSchema(new AnnotatedType(type).resolveAsRef(false));
		if (resolved == null || resolved.schema == null) {
			return new ObjectSchema();
		}
		this.schemas.put(type.getSimpleName(), resolved.schema);
		if (resolved.referencedSchemas != null) {
			resolved.referencedSchemas.forEach(this.schemas::putIfAbsent);
		}
		return new Schema<>().$ref("#/components/schemas/" + type.getSimpleName());
	}

	/**
	 * Adds the request records' schemas to the document's components.
	 */
	@Bean
	OpenApiCustomizer requestSchemas() {
		return (openApi) -> this.schemas.forEach((name, schema) -> openApi.getComponents().addSchemas(name, schema));
	}

}
