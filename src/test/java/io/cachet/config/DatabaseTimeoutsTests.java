package io.cachet.config;

import java.time.Duration;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseTimeoutsTests {

	private static final Duration CONNECT = Duration.ofMillis(1500);

	private static final Duration SOCKET = Duration.ofSeconds(30);

	@Test
	void postgresGetsTheTimeoutsInSeconds() {
		Properties properties = apply("jdbc:postgresql://db:5432/cachet");
		assertThat(properties).containsEntry("connectTimeout", "2")
			.containsEntry("loginTimeout", "2")
			.containsEntry("socketTimeout", "30");
	}

	@Test
	void mariaDbGetsThemInMilliseconds() {
		assertThat(apply("jdbc:mariadb://db:3306/cachet")).containsEntry("connectTimeout", "1500")
			.containsEntry("socketTimeout", "30000");
	}

	@Test
	void embeddedH2GetsNoneSinceItRefusesUnknownSettings() {
		assertThat(apply("jdbc:h2:file:./data/cachet")).isEmpty();
	}

	@Test
	void whatTheUrlOrTheConfigurationSaysWins() {
		Properties given = new Properties();
		given.setProperty("sockettimeout", "300");
		DatabaseTimeouts.apply("jdbc:postgresql://db/cachet?connectTimeout=10", given, CONNECT, SOCKET);
		assertThat(given).containsOnlyKeys("sockettimeout", "loginTimeout").containsEntry("sockettimeout", "300");
	}

	private static Properties apply(String url) {
		Properties properties = new Properties();
		DatabaseTimeouts.apply(url, properties, CONNECT, SOCKET);
		return properties;
	}

}
