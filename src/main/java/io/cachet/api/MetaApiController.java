package io.cachet.api;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/ping} and {@code /api/v1/version}: the routes monitors use to check the
 * API.
 */
@RestController
@RequestMapping("/api/v1")
class MetaApiController {

	private final String version;

	MetaApiController(ObjectProvider<BuildProperties> buildProperties) {
		BuildProperties build = buildProperties.getIfAvailable();
		this.version = (build != null && build.getVersion() != null) ? build.getVersion() : "dev";
	}

	@GetMapping("/ping")
	ApiItem<String> ping() {
		return new ApiItem<>("Pong!");
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
