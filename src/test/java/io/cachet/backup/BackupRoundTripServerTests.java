package io.cachet.backup;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.cachet.persistence.EnabledIfDatabaseServer;

/**
 * Export → import round trip on the local PostgreSQL and MariaDB servers, each time from
 * one new database into another, so that the shared {@code test} databases of the other
 * cross-database tests are never touched.
 */
class BackupRoundTripServerTests {

	@Nested
	@EnabledIfDatabaseServer(name = "PostgreSQL", port = 5432)
	class OnPostgres {

		private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

		@Test
		void anImportIntoAnEmptyInstallReproducesThePage() throws SQLException, InterruptedException {
			roundTrip(SERVER, "test", "postgres", " WITH (FORCE)");
		}

	}

	@Nested
	@EnabledIfDatabaseServer(name = "MariaDB", port = 3306)
	class OnMariaDb {

		private static final String SERVER = "jdbc:mariadb://127.0.0.1:3306/";

		@Test
		void anImportIntoAnEmptyInstallReproducesThePage() throws SQLException, InterruptedException {
			roundTrip(SERVER, "", "root", "");
		}

	}

	private static void roundTrip(String server, String adminDatabase, String user, String dropSuffix)
			throws SQLException, InterruptedException {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String source = "cachet_backup_src_" + suffix;
		String target = "cachet_backup_dst_" + suffix;
		try (Connection admin = DriverManager.getConnection(server + adminDatabase, user, "");
				Statement statement = admin.createStatement()) {
			statement.execute("CREATE DATABASE " + source);
			statement.execute("CREATE DATABASE " + target);
			try {
				BackupRoundTrip.run(arguments(server + source, user), arguments(server + target, user));
			}
			finally {
				statement.execute("DROP DATABASE IF EXISTS " + source + dropSuffix);
				statement.execute("DROP DATABASE IF EXISTS " + target + dropSuffix);
			}
		}
	}

	private static String[] arguments(String url, String user) {
		return new String[] { "--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
				"--spring.datasource.password=" };
	}

}
