package io.cachet.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Creates the PostgreSQL or MariaDB database that {@code spring.datasource.url} names
 * before the application connects to it. {@link OnPostgres} and {@link OnMariaDb} name
 * one database per test JVM, {@code cachet_test_<n>} with {@code n} surefire's fork
 * number ({@code cachet.test.database}, set by surefire; {@code cachet_test_1} outside
 * it): forks running at the same time each clean and fill a database of their own. Trust
 * authentication as {@code postgres} and MariaDB's {@code root} without a password, as on
 * CI, may create databases.
 */
class ServerDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final Pattern URL = Pattern.compile("(jdbc:(postgresql|mariadb)://[^/]+/)(\\w+)(\\?.*)?");

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		Environment environment = context.getEnvironment();
		String url = environment.getRequiredProperty("spring.datasource.url");
		Matcher matcher = URL.matcher(url);
		if (!matcher.matches()) {
			throw new IllegalStateException("Not a PostgreSQL or MariaDB database URL: " + url);
		}
		String user = environment.getProperty("spring.datasource.username", "");
		String password = environment.getProperty("spring.datasource.password", "");
		String database = matcher.group(3);
		try {
			if ("postgresql".equals(matcher.group(2))) {
				createOnPostgres(matcher.group(1) + "postgres", user, password, database);
			}
			else {
				createOnMariaDb(matcher.group(1), user, password, database);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the test database " + database + " on " + url, ex);
		}
	}

	private static void createOnPostgres(String adminUrl, String user, String password, String database)
			throws SQLException {
		try (Connection admin = DriverManager.getConnection(adminUrl, user, password)) {
			for (int attempt = 1;; attempt++) {
				try (PreparedStatement exists = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
					exists.setString(1, database);
					try (ResultSet found = exists.executeQuery()) {
						if (found.next()) {
							return;
						}
					}
				}
				try (Statement create = admin.createStatement()) {
					create.execute("CREATE DATABASE " + database);
					return;
				}
				catch (SQLException ex) {
					// another fork made it meanwhile, or was copying the template
					// ("being accessed by other users"): look again
					if (attempt == 5) {
						throw ex;
					}
					sleep(200L * attempt);
				}
			}
		}
	}

	private static void createOnMariaDb(String serverUrl, String user, String password, String database)
			throws SQLException {
		try (Connection admin = DriverManager.getConnection(serverUrl, user, password);
				Statement create = admin.createStatement()) {
			create.execute("CREATE DATABASE IF NOT EXISTS " + database);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
