package io.cachet.api;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.info.BuildProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/ping} and {@code /api/v1/version}: the routes monitors use to check the
 * API.
 * <p>
 * Tomcat takes requests as soon as the context is refreshed, before the start-up work the
 * environment asked for (the first-run admin of {@code CACHET_ADMIN_*}, demo data) has
 * run in the application runners and ready listeners. A script that waits for ping and
 * then uses {@code CACHET_ADMIN_API_TOKEN} must not get there first, so ping answers 503
 * until the application is ready for traffic: Spring Boot sets the readiness state to
 * {@link ReadinessState#ACCEPTING_TRAFFIC} after the runners and the
 * {@code ApplicationReadyEvent} listeners, the moment the readiness probe
 * ({@code /actuator/health/readiness}) turns UP too; during a graceful shutdown it
 * answers 503 again.
 */
@RestController
@RequestMapping("/api/v1")
class MetaApiController {

	private final String version;

	private final ApplicationAvailability availability;

	MetaApiController(ObjectProvider<BuildProperties> buildProperties, ApplicationAvailability availability) {
		this.availability = availability;
		BuildProperties build = buildProperties.getIfAvailable();
		this.version = (build != null && build.getVersion() != null) ? build.getVersion() : "dev";
	}

	@GetMapping("/ping")
	ResponseEntity<?> ping() {
		if (this.availability.getReadinessState() != ReadinessState.ACCEPTING_TRAFFIC) {
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header(HttpHeaders.RETRY_AFTER, "1")
				.body(ApiErrors.of(HttpStatus.SERVICE_UNAVAILABLE));
		}
		return ResponseEntity.ok(new ApiItem<>("Pong!"));
	}

	/**
	 * Cachet asks GitHub for its latest release. A status page must not depend on a third
	 * party (nor tell it who runs it), so this reports the running version as the latest
	 * one.
	 */
	@GetMapping("/version")
	VersionResponse version() {
		return new VersionResponse(new VersionMeta(true, Map.of("tag_name", "v" + this.version)), this.version);
	}

	record VersionResponse(VersionMeta meta, String data) {

	}

	record VersionMeta(@JsonProperty("on_latest") boolean onLatest, Map<String, String> latest) {

	}

}
