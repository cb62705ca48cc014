package io.cachet.backup;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import io.cachet.config.DatabaseVendor;

/**
 * The application's tables as the database describes them, in foreign-key order (a table
 * comes after the tables it references), without the tables a backup leaves out.
 */
record BackupSchema(DatabaseVendor vendor, List<Table> tables) {

	/** Never carried: see the package documentation for why. */
	static final Set<String> EXCLUDED = Set.of("flyway_schema_history", "event_publication", "notifications",
			"deliveries", "delivery_attempts", "persistent_logins");

	/**
	 * Emptied by an import though never carried: the remember-me logins of the users the
	 * import replaces.
	 */
	static final Set<String> CLEARED = Set.of("persistent_logins");

	/**
	 * Settings never carried, and skipped when an older backup has them: the key that
	 * signed the remember-me cookies of old versions (with it and a user's password hash,
	 * anyone holding the backup could forge a login).
	 */
	static final Set<String> UNCARRIED_SETTINGS = Set.of("remember_me_key");

	/**
	 * @return whether this row of this table stays out of backups
	 */
	static boolean uncarried(String table, java.util.Map<String, ?> row) {
		return table.equals("settings") && row.get("name") instanceof String name && UNCARRIED_SETTINGS.contains(name);
	}

	/**
	 * @return an SQL condition that leaves out the rows {@link #uncarried} names
	 */
	static String carriedRows(String table) {
		return table.equals("settings") ? " WHERE name NOT IN ('" + String.join("', '", UNCARRIED_SETTINGS) + "')" : "";
	}

	/**
	 * What a fresh install may already hold (the setup wizard's or the unattended first
	 * run's admin, the settings it saved, their audit entries): an import replaces them.
	 * Rows in any other table make the install non-empty.
	 */
	static final Set<String> REPLACED = Set.of("users", "user_identities", "settings", "actions", "invites");

	/**
	 * @param key the name in a backup (lower case)
	 * @param sqlName the name as the database spells it
	 * @param columns by lower-case name, in table order
	 */
	record Table(String key, String sqlName, Map<String, Integer> columns) {

		boolean hasId() {
			return this.columns.containsKey("id");
		}

		boolean replaced() {
			return REPLACED.contains(this.key);
		}

	}

	Optional<Table> table(String key) {
		return this.tables.stream().filter((table) -> table.key().equals(key)).findFirst();
	}

	static BackupSchema read(JdbcTemplate jdbc) {
		return jdbc.execute((ConnectionCallback<BackupSchema>) BackupSchema::read);
	}

	private static BackupSchema read(Connection connection) throws SQLException {
		DatabaseMetaData metaData = connection.getMetaData();
		DatabaseVendor vendor = DatabaseVendor.fromProductName(metaData.getDatabaseProductName());
		Map<String, String> names = new TreeMap<>();
		try (ResultSet rs = metaData.getTables(connection.getCatalog(), connection.getSchema(), "%",
				new String[] { "TABLE", "BASE TABLE" })) {
			while (rs.next()) {
				String name = rs.getString("TABLE_NAME");
				String key = name.toLowerCase(Locale.ROOT);
				if (!EXCLUDED.contains(key)) {
					names.put(key, name);
				}
			}
		}
		Map<String, Set<String>> references = new TreeMap<>();
		for (Map.Entry<String, String> name : names.entrySet()) {
			Set<String> referenced = new TreeSet<>();
			try (ResultSet rs = metaData.getImportedKeys(connection.getCatalog(), connection.getSchema(),
					name.getValue())) {
				while (rs.next()) {
					String key = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
					if (!key.equals(name.getKey()) && names.containsKey(key)) {
						referenced.add(key);
					}
				}
			}
			references.put(name.getKey(), referenced);
		}
		List<Table> tables = new ArrayList<>();
		for (String key : foreignKeyOrder(references)) {
			tables.add(new Table(key, names.get(key), columns(connection, names.get(key))));
		}
		return new BackupSchema(vendor, List.copyOf(tables));
	}

	private static Map<String, Integer> columns(Connection connection, String table) throws SQLException {
		Map<String, Integer> columns = new LinkedHashMap<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
			ResultSetMetaData metaData = rs.getMetaData();
			for (int i = 1; i <= metaData.getColumnCount(); i++) {
				columns.put(metaData.getColumnLabel(i).toLowerCase(Locale.ROOT), metaData.getColumnType(i));
			}
		}
		return columns;
	}

	/**
	 * Referenced tables first; otherwise alphabetical, so that every export of the same
	 * data is the same document.
	 */
	private static List<String> foreignKeyOrder(Map<String, Set<String>> references) {
		List<String> ordered = new ArrayList<>();
		Map<String, Set<String>> remaining = new TreeMap<>(references);
		while (!remaining.isEmpty()) {
			String next = remaining.entrySet()
				.stream()
				.filter((entry) -> ordered.containsAll(entry.getValue()))
				.map(Map.Entry::getKey)
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("Foreign keys form a cycle: " + remaining.keySet()));
			ordered.add(next);
			remaining.remove(next);
		}
		return ordered;
	}

}
