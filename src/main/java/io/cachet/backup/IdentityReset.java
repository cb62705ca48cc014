package io.cachet.backup;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Moves each table's id generator past the largest imported id, so that rows created
 * after an import get new ids. Runs after the import has committed: on H2 and MariaDB the
 * statements are DDL, which would commit an open transaction. (MariaDB's InnoDB moves
 * {@code AUTO_INCREMENT} past inserted ids by itself; the statement makes it explicit.)
 */
class IdentityReset {

	private final JdbcTemplate jdbc;

	private final BackupSchema schema;

	IdentityReset(JdbcTemplate jdbc, BackupSchema schema) {
		this.jdbc = jdbc;
		this.schema = schema;
	}

	void resetAll() {
		for (BackupSchema.Table table : this.schema.tables()) {
			if (table.hasId()) {
				reset(table.sqlName());
			}
		}
	}

	private void reset(String table) {
		Long max = this.jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM " + table, Long.class);
		long next = ((max != null) ? max : 0) + 1;
		switch (this.schema.vendor()) {
			case H2 -> this.jdbc.execute("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + next);
			case POSTGRESQL -> this.jdbc.queryForObject(
					"SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), " + next + ", false)", Long.class);
			case MARIADB -> this.jdbc.execute("ALTER TABLE " + table + " AUTO_INCREMENT = " + next);
		}
	}

}
