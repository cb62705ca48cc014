package io.cachet.api;

import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.cachet.CachetIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@CachetIntegrationTest
class ApiDocumentationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping handlerMapping;

	@Test
	void documentsEveryV1Route() {
		JsonNode document = new ApiTestClient(this.port).get("/api/v1/openapi.json").json();

		Set<String> documented = new TreeSet<>();
		document.path("paths")
			.properties()
			.forEach((path) -> path.getValue()
				.propertyNames()
				.forEach((method) -> documented.add(method.toUpperCase() + " " + path.getKey())));
		Set<String> routes = new TreeSet<>();
		this.handlerMapping.getHandlerMethods().forEach((info, method) -> {
			if (method.getBeanType().getPackageName().equals("io.cachet.api")
					&& !method.getBeanType().getSimpleName().startsWith("ApiConventions")) {
				info.getPathPatternsCondition()
					.getPatternValues()
					.forEach((pattern) -> info.getMethodsCondition()
						.getMethods()
						.forEach((verb) -> routes
							.add(verb.name() + " " + pattern.replaceAll("\\{(\\w+):[^}]*}", "{$1}"))));
			}
		});

		assertThat(document.path("openapi").asString()).startsWith("3.");
		assertThat(routes).isNotEmpty();
		assertThat(documented).containsAll(routes);
		assertThat(document.path("components").path("securitySchemes").has("X-Cachet-Token")).isTrue();
	}

	@Test
	void describesRequestBodiesByTheirRecords() {
		JsonNode document = new ApiTestClient(this.port).get("/api/v1/openapi.json").json();

		JsonNode content = document.path("paths")
			.path("/api/v1/components")
			.path("post")
			.path("requestBody")
			.path("content");
		JsonNode schema = resolve(document, content.path("application/json").path("schema"));

		assertThat(schema.path("properties").propertyNames()).contains("name", "status", "group_id", "tags");
		assertThat(schema.path("required").valueStream().map(JsonNode::asString)).contains("name", "status");
		assertThat(resolve(document, content.path("application/x-www-form-urlencoded").path("schema")))
			.isEqualTo(schema);
	}

	private static JsonNode resolve(JsonNode document, JsonNode schema) {
		String ref = schema.path("$ref").asString("");
		if (ref.isEmpty()) {
			return schema;
		}
		return document.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
	}

	@Test
	void servesTheBrowsableReference() {
		ApiTestClient api = new ApiTestClient(this.port);
		ApiTestClient.Response entry = api.get("/api/docs");
		ApiTestClient.Response page = api.get(entry.header("Location"));

		assertThat(entry.status()).isEqualTo(302);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Swagger UI");
	}

}
