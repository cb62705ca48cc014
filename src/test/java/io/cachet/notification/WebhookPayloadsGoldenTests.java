package io.cachet.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.json.JsonMapper;

import io.cachet.shared.BootJson;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook bodies, for each format, are what receivers have always been sent: each is
 * compared with a fixture recorded from the code before the bodies became records (as
 * JSON trees: the chat formats were built from unordered maps, so only their content, not
 * their key order, was ever fixed). Run with {@code -Dgolden.record=true} to write the
 * fixtures again.
 */
class WebhookPayloadsGoldenTests {

	private static final String FIXTURES = "src/test/resources/io/cachet/notification/golden/";

	private static final JsonMapper JSON = BootJson.mapper();

	@ParameterizedTest
	@EnumSource(WebhookFormat.class)
	void sendsTheRecordedBody(WebhookFormat format) {
		StringBuilder all = new StringBuilder();
		for (NotificationContent content : contents()) {
			Object body = WebhookPayloads.body(format, content, 42, "Demo: " + content.title() + " is identified",
					"#ff8800", "Demo <Page>", "https://status.example.com");
			all.append(JSON.writeValueAsString(body)).append('\n');
		}
		String fixture = "webhook-" + format.value() + ".jsonl";
		if (Boolean.getBoolean("golden.record")) {
			try {
				Files.writeString(Path.of(FIXTURES + fixture), all.toString(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return;
		}
		String expected;
		try (InputStream in = getClass().getResourceAsStream("golden/" + fixture)) {
			assertThat(in).as("fixture %s", fixture).isNotNull();
			expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<String> actualLines = all.toString().lines().toList();
		List<String> expectedLines = expected.lines().toList();
		assertThat(actualLines).hasSameSizeAs(expectedLines);
		for (int i = 0; i < actualLines.size(); i++) {
			assertThat(JSON.readTree(actualLines.get(i))).isEqualTo(JSON.readTree(expectedLines.get(i)));
			if (format == WebhookFormat.JSON) {
				// our own format's top-level keys were always in this order
				assertThat(JSON.readTree(actualLines.get(i)).propertyNames())
					.containsExactlyElementsOf(JSON.readTree(expectedLines.get(i)).propertyNames());
			}
		}
	}

	private static List<NotificationContent> contents() {
		Instant at = Instant.parse("2026-11-20T08:15:30.123456Z");
		String longTitle = "T".repeat(300);
		return List.of(
				new NotificationContent("incident_updated", 12, "Slow \"pages\" <b>", 2, "incident.status.2",
						"Identified", "yellows", null, null, "We **found** it.\n\n- a\n- b",
						"https://status.example.com/incidents/12",
						List.of(new NotificationContent.ComponentName(1, "API"),
								new NotificationContent.ComponentName(2, "Website")),
						at, null, null),
				new NotificationContent("component_status_changed", 3, longTitle, 4, "component.status.4",
						"Major Outage", "reds", "component.status.1", "Operational", "", "https://status.example.com",
						List.of(), at, null, null),
				new NotificationContent("schedule_created", 7, "Database upgrade", 0, "", "Upcoming", "blues", null,
						null, "x".repeat(4100), "https://status.example.com/schedules/7",
						List.of(new NotificationContent.ComponentName(3, "Database")), at, at.plusSeconds(3600), 9L));
	}

}
