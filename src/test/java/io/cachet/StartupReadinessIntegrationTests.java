package io.cachet;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server takes requests before the start-up work the environment asked for is done
 * (the first-run admin from {@code CACHET_ADMIN_*} in an application runner, demo data in
 * a ready listener). Whoever waits for {@code /api/v1/ping} or the readiness probe must
 * find that work done: until then both answer 503.
 */
class StartupReadinessIntegrationTests {

	private static final String TOKEN = "readiness-token-0123456789";

	@TempDir
	Path dataDir;

	@Test
	void pingAndReadinessAnswer503UntilTheStartUpWorkIsDone() throws Exception {
		Map<String, Probe.Answers> seen = new ConcurrentHashMap<>();
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CachetApplication.class)
			.initializers((context) -> ((GenericApplicationContext) context).registerBean(Probe.class,
					() -> new Probe(context.getEnvironment(), seen)))
			.run("--spring.datasource.url=", "--server.port=0", "--cachet.data-dir=" + this.dataDir,
					"--CACHET_ADMIN_USERNAME=admin", "--CACHET_ADMIN_EMAIL=admin@example.com",
					"--CACHET_ADMIN_PASSWORD=correct horse battery", "--CACHET_ADMIN_API_TOKEN=" + TOKEN)) {
			// before the runners: the admin does not exist yet
			assertThat(seen.get("runner").token()).isEqualTo(401);
			assertThat(seen.get("runner").ping()).isEqualTo(503);
			assertThat(seen.get("runner").readiness()).isEqualTo(503);
			// the ready listeners (demo data) run before the application is ready too
			assertThat(seen.get("ready").ping()).isEqualTo(503);
			assertThat(seen.get("ready").readiness()).isEqualTo(503);

			Probe.Answers after = Probe.ask(((WebServerApplicationContext) app).getWebServer().getPort());
			assertThat(after).isEqualTo(new Probe.Answers(200, 200, 200));
		}
	}

	/**
	 * Asks ping, the readiness probe and a route that needs the admin's token, first as
	 * the earliest application runner, then as the earliest ready listener.
	 */
	static final class Probe implements ApplicationRunner, ApplicationListener<ApplicationReadyEvent>, Ordered {

		private static final HttpClient http = HttpClient.newHttpClient();

		private final Environment environment;

		private final Map<String, Answers> seen;

		Probe(Environment environment, Map<String, Answers> seen) {
			this.environment = environment;
			this.seen = seen;
		}

		@Override
		public void run(ApplicationArguments args) throws Exception {
			this.seen.put("runner", ask(port()));
		}

		@Override
		public void onApplicationEvent(ApplicationReadyEvent event) {
			try {
				this.seen.put("ready", ask(port()));
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}

		private int port() {
			return this.environment.getRequiredProperty("local.server.port", Integer.class);
		}

		static Answers ask(int port) throws Exception {
			return new Answers(status(port, "/api/v1/ping", List.of()),
					status(port, "/actuator/health/readiness", List.of()),
					status(port, "/api/v1/subscribers", List.of("X-Cachet-Token", TOKEN)));
		}

		private static int status(int port, String path, List<String> headers) throws Exception {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
			if (!headers.isEmpty()) {
				request.headers(headers.toArray(String[]::new));
			}
			return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
		}

		record Answers(int ping, int readiness, int token) {

		}

	}

}
