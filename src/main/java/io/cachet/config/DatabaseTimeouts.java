package io.cachet.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Properties;

import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Bounds how long a request can wait for a database that does not answer. The pool gives
 * up after {@code spring.datasource.hikari.connection-timeout} (2 s, application
 * properties); this adds the driver's own timeouts, which the pool cannot set, so that
 * opening a connection to an unreachable host ({@code cachet.database.connect-timeout}, 2
 * s) and waiting for an answer on a connection whose server vanished
 * ({@code cachet.database.socket-timeout}, 30 s: long enough for the slowest legitimate
 * statement, a backup export's read) both end. They are driver properties with different
 * names and units per driver, and H2 refuses unknown ones, hence per vendor: PostgreSQL
 * {@code connectTimeout}/{@code loginTimeout}/{@code socketTimeout} in seconds, MariaDB
 * {@code connectTimeout}/{@code socketTimeout} in milliseconds, nothing for embedded H2.
 * A value given in the JDBC URL or in
 * {@code spring.datasource.hikari.data-source-properties} wins.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseTimeouts {

	@Bean
	static BeanPostProcessor databaseDriverTimeouts(Environment environment) {
		Binder binder = Binder.get(environment);
		Duration connect = binder.bind("cachet.database.connect-timeout", Duration.class).orElse(Duration.ofSeconds(2));
		Duration socket = binder.bind("cachet.database.socket-timeout", Duration.class).orElse(Duration.ofSeconds(30));
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof HikariDataSource pool) {
					apply(pool.getJdbcUrl(), pool.getDataSourceProperties(), connect, socket);
				}
				return bean;
			}
		};
	}

	static void apply(@Nullable String url, Properties properties, Duration connect, Duration socket) {
		if (url == null) {
			return;
		}
		String lower = url.toLowerCase(Locale.ROOT);
		if (lower.startsWith("jdbc:postgresql:")) {
			String connectSeconds = Long.toString(seconds(connect));
			setUnlessGiven(lower, properties, "connectTimeout", connectSeconds);
			setUnlessGiven(lower, properties, "loginTimeout", connectSeconds);
			setUnlessGiven(lower, properties, "socketTimeout", Long.toString(seconds(socket)));
		}
		else if (lower.startsWith("jdbc:mariadb:") || lower.startsWith("jdbc:mysql:")) {
			setUnlessGiven(lower, properties, "connectTimeout", Long.toString(connect.toMillis()));
			setUnlessGiven(lower, properties, "socketTimeout", Long.toString(socket.toMillis()));
		}
	}

	/** Whole seconds, at least one: PostgreSQL's 0 means no timeout at all. */
	private static long seconds(Duration duration) {
		return Math.max(1, (duration.toMillis() + 999) / 1000);
	}

	private static void setUnlessGiven(String url, Properties properties, String name, String value) {
		String key = name.toLowerCase(Locale.ROOT);
		boolean inUrl = url.contains("?" + key + "=") || url.contains("&" + key + "=");
		boolean inProperties = properties.stringPropertyNames()
			.stream()
			.anyMatch((given) -> given.equalsIgnoreCase(name));
		if (!inUrl && !inProperties) {
			properties.setProperty(name, value);
		}
	}

}
