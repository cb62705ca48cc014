package io.cachet.api;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.cachet.CachetIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@CachetIntegrationTest
class MetaApiIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	BuildProperties buildProperties;

	ApiTestClient api;

	@BeforeEach
	void setUp() {
		this.api = new ApiTestClient(this.port);
	}

	@Test
	void pingAnswersPong() {
		ApiTestClient.Response response = this.api.get("/api/v1/ping");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Content-Type")).startsWith("application/json");
		assertThat(response.body()).isEqualTo("{\"data\":\"Pong!\"}");
	}

	@Test
	void versionReportsTheRunningVersionAsLatest() {
		ApiTestClient.Response response = this.api.get("/api/v1/version");

		assertThat(response.status()).isEqualTo(200);
		JsonNode json = response.json();
		assertThat(json.path("data").asString()).isEqualTo(this.buildProperties.getVersion());
		assertThat(json.path("meta").path("on_latest").asBoolean()).isTrue();
		assertThat(json.path("meta").path("latest").path("tag_name").asString())
			.isEqualTo("v" + this.buildProperties.getVersion());
		assertThat(response.body()).startsWith("{\"meta\":");
	}

	@Test
	void healthProbesArePublic() {
		assertThat(this.api.get("/actuator/health").status()).isEqualTo(200);
		assertThat(this.api.get("/actuator/health/liveness").json().path("status").asString()).isEqualTo("UP");
		assertThat(this.api.get("/actuator/health/readiness").json().path("status").asString()).isEqualTo("UP");
	}

	@Test
	void otherActuatorEndpointsAreClosed() {
		assertThat(this.api.get("/actuator/env").status()).isIn(401, 403, 404);
		assertThat(this.api.get("/actuator/beans").status()).isIn(401, 403, 404);
	}

}
