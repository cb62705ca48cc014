package io.cachet.backup;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.api.MigrationVersion;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.ObjectReader;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads a backup document as a stream and inserts its rows as they come, in batches, with
 * their ids. The caller runs it in one transaction: any error leaves nothing behind.
 */
class BackupReader {

	private static final int BATCH_SIZE = 500;

	private final BackupSchema schema;

	private final JdbcTemplate jdbc;

	private final MigrationVersion schemaVersion;

	private final Map<String, Long> imported = new LinkedHashMap<>();

	BackupReader(BackupSchema schema, JdbcTemplate jdbc, MigrationVersion schemaVersion) {
		this.schema = schema;
		this.jdbc = jdbc;
		this.schemaVersion = schemaVersion;
	}

	ImportSummary read(ObjectReader reader, InputStream in) {
		try (JsonParser json = reader.createParser(in)) {
			expect(json.nextToken(), JsonToken.START_OBJECT, "a JSON object");
			Header header = new Header();
			boolean tables = false;
			while (json.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = json.currentName();
				JsonToken value = json.nextToken();
				switch (name) {
					case "format" -> header.format = json.getValueAsString();
					case "version" -> header.version = json.getValueAsString();
					case "schema_version" -> header.schemaVersion = json.getValueAsString();
					case "tables" -> {
						header.check(this.schemaVersion);
						expect(value, JsonToken.START_OBJECT, "the tables as a JSON object");
						readTables(json);
						tables = true;
					}
					default -> json.skipChildren();
				}
			}
			if (!tables) {
				header.check(this.schemaVersion);
				throw new InvalidBackupException("The backup has no tables.");
			}
			return new ImportSummary(Map.copyOf(this.imported));
		}
		catch (JacksonException ex) {
			throw new InvalidBackupException("The file is not a valid backup (broken JSON: " + ex.getOriginalMessage()
					+ " at line " + ex.getLocation().getLineNr() + ").", ex);
		}
	}

	private void readTables(JsonParser json) {
		while (json.nextToken() == JsonToken.PROPERTY_NAME) {
			String key = json.currentName();
			BackupSchema.Table table = this.schema.table(key)
				.orElseThrow(() -> new InvalidBackupException(
						"The backup has a table \"" + key + "\" that this version of Cachet does not know."));
			expect(json.nextToken(), JsonToken.START_ARRAY, "the rows of " + key + " as a JSON array");
			Batch batch = new Batch(table);
			while (json.nextToken() == JsonToken.START_OBJECT) {
				Map<String, @Nullable Object> row = readRow(json, table);
				if (!BackupSchema.uncarried(key, row)) {
					batch.add(row);
				}
			}
			expect(json.currentToken(), JsonToken.END_ARRAY, "a row of " + key + " as a JSON object");
			batch.flush();
			this.imported.merge(key, batch.rows, Long::sum);
		}
	}

	private static Map<String, @Nullable Object> readRow(JsonParser json, BackupSchema.Table table) {
		Map<String, @Nullable Object> row = new LinkedHashMap<>();
		while (json.nextToken() == JsonToken.PROPERTY_NAME) {
			String column = json.currentName();
			if (!table.columns().containsKey(column)) {
				throw new InvalidBackupException("The backup has a column \"" + column + "\" in table \"" + table.key()
						+ "\" that this version of Cachet does not know.");
			}
			JsonToken token = json.nextToken();
			row.put(column, switch (token) {
				case VALUE_NULL -> null;
				case VALUE_TRUE -> Boolean.TRUE;
				case VALUE_FALSE -> Boolean.FALSE;
				case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> json.getDecimalValue();
				case VALUE_STRING -> json.getString();
				default -> throw new InvalidBackupException(
						"The column \"" + column + "\" in table \"" + table.key() + "\" holds an object or a list.");
			});
		}
		return row;
	}

	private static void expect(@Nullable JsonToken token, JsonToken expected, String what) {
		if (token != expected) {
			throw new InvalidBackupException("The file is not a valid backup: expected " + what + ".");
		}
	}

	private static final class Header {

		@Nullable String format;

		@Nullable String version;

		@Nullable String schemaVersion;

		void check(MigrationVersion current) {
			if (!BackupService.FORMAT.equals(this.format)) {
				throw new InvalidBackupException("The file is not a Cachet backup (its \"format\" is not \""
						+ BackupService.FORMAT + "\", or does not come first).");
			}
			if (!String.valueOf(BackupService.VERSION).equals(this.version)) {
				throw new InvalidBackupException("The backup has format version " + this.version
						+ "; this Cachet reads version " + BackupService.VERSION + ".");
			}
			if (this.schemaVersion == null) {
				throw new InvalidBackupException("The backup does not say its schema version.");
			}
			MigrationVersion version;
			try {
				version = MigrationVersion.fromVersion(this.schemaVersion);
			}
			catch (RuntimeException ex) {
				throw new InvalidBackupException(
						"The backup's schema version \"" + this.schemaVersion + "\" is not a version.");
			}
			if (version.compareTo(current) > 0) {
				throw new InvalidBackupException("The backup comes from a newer Cachet (schema version "
						+ this.schemaVersion + "; this one has " + current + "): upgrade Cachet first.");
			}
		}

	}

	/**
	 * Rows of one table waiting to be inserted, with the same columns.
	 */
	private final class Batch {

		private final BackupSchema.Table table;

		private List<String> columns = List.of();

		private final List<@Nullable Object[]> values = new ArrayList<>();

		long rows;

		Batch(BackupSchema.Table table) {
			this.table = table;
		}

		void add(Map<String, @Nullable Object> row) {
			List<String> rowColumns = List.copyOf(row.keySet());
			if (!rowColumns.equals(this.columns) || this.values.size() >= BATCH_SIZE) {
				flush();
				this.columns = rowColumns;
			}
			@Nullable Object[] converted = new Object[rowColumns.size()];
			for (int i = 0; i < converted.length; i++) {
				String column = rowColumns.get(i);
				try {
					converted[i] = BackupValues.toJdbc(row.get(column), this.table.columns().get(column));
				}
				catch (IllegalArgumentException | java.time.DateTimeException ex) {
					throw new InvalidBackupException("Table \"" + this.table.key() + "\", row " + (this.rows + 1)
							+ ", column \"" + column + "\": " + ex.getMessage() + ".");
				}
			}
			this.values.add(converted);
			this.rows++;
		}

		void flush() {
			if (this.values.isEmpty()) {
				return;
			}
			String sql = "INSERT INTO " + this.table.sqlName() + " (" + String.join(", ", this.columns) + ") VALUES ("
					+ String.join(", ", this.columns.stream().map((c) -> "?").toList()) + ")";
			int[] types = this.columns.stream().mapToInt((c) -> this.table.columns().get(c)).toArray();
			try {
				BackupReader.this.jdbc.batchUpdate(sql, this.values, types);
			}
			catch (DataAccessException ex) {
				throw new InvalidBackupException("The rows of table \"" + this.table.key()
						+ "\" could not be imported: " + ex.getMostSpecificCause().getMessage(), ex);
			}
			this.values.clear();
		}

	}

}
