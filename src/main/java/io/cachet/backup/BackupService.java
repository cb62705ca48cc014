package io.cachet.backup;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import io.cachet.crypto.SecretsAtRest;
import io.cachet.settings.SettingsService;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the whole status page as one JSON document and reads it back into an empty
 * install (the document's format is described in the package documentation).
 */
@Service
public class BackupService {

	static final String FORMAT = "cachet-jvm-backup";

	static final int VERSION = 1;

	private static final Logger logger = LoggerFactory.getLogger(BackupService.class);

	/** Writes to the caller's stream without closing it. */
	private final ObjectWriter writer;

	/** Reads from the caller's stream without closing it. */
	private final ObjectReader reader;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate exportTransaction;

	private final TransactionTemplate importTransaction;

	private final Flyway flyway;

	private final SettingsService settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final SecretsAtRest secrets;

	BackupService(DataSource dataSource, PlatformTransactionManager transactions, Flyway flyway,
			SettingsService settings, ApplicationEventPublisher events, Clock clock, SecretsAtRest secrets,
			JsonMapper json) {
		this.writer = json.writer().without(StreamWriteFeature.AUTO_CLOSE_TARGET);
		this.reader = json.reader().without(StreamReadFeature.AUTO_CLOSE_SOURCE);
		this.secrets = secrets;
		this.jdbc = new JdbcTemplate(dataSource);
		// PostgreSQL streams a result set only inside a transaction and with a fetch size
		this.jdbc.setFetchSize(500);
		this.exportTransaction = new TransactionTemplate(transactions);
		this.exportTransaction.setReadOnly(true);
		// one consistent snapshot of all tables
		this.exportTransaction.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.importTransaction = new TransactionTemplate(transactions);
		this.flyway = flyway;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Writes every record and setting to {@code out} as one JSON document, row by row
	 * (the rows are never all in memory). The stream is flushed, not closed.
	 */
	public void export(OutputStream out) {
		BackupSchema schema = BackupSchema.read(this.jdbc);
		this.exportTransaction.executeWithoutResult((status) -> {
			try (JsonGenerator json = this.writer.createGenerator(out)) {
				json.writeStartObject();
				json.writeStringProperty("format", FORMAT);
				json.writeNumberProperty("version", VERSION);
				json.writeStringProperty("exported_at", this.clock.instant().toString());
				json.writeStringProperty("schema_version", schemaVersion().getVersion());
				json.writeName("tables");
				json.writeStartObject();
				for (BackupSchema.Table table : schema.tables()) {
					writeTable(json, table);
				}
				json.writeEndObject();
				json.writeEndObject();
				json.flush();
			}
		});
	}

	private void writeTable(JsonGenerator json, BackupSchema.Table table) {
		json.writeName(table.key());
		json.writeStartArray();
		String[] columns = table.columns().keySet().toArray(String[]::new);
		int[] types = table.columns().values().stream().mapToInt(Integer::intValue).toArray();
		String order = table.hasId() ? " ORDER BY id" : " ORDER BY " + columns[0];
		this.jdbc.query("SELECT " + String.join(", ", columns) + " FROM " + table.sqlName()
				+ BackupSchema.carriedRows(table.key()) + order, (rs) -> {
					json.writeStartObject();
					for (int i = 0; i < columns.length; i++) {
						json.writeName(columns[i]);
						BackupValues.write(json, rs, i + 1, types[i]);
					}
					json.writeEndObject();
				});
		json.writeEndArray();
	}

	/**
	 * @return whether this install may receive an import: it holds nothing beyond what
	 * the first-run setup creates (users, settings, invites and the audit log)
	 */
	public boolean isEmptyInstall() {
		return BackupSchema.read(this.jdbc)
			.tables()
			.stream()
			.filter((table) -> !table.replaced())
			.noneMatch(this::hasRows);
	}

	/**
	 * Imports a backup written by {@link #export} into an empty install, in one
	 * transaction: the users, settings, invites and audit log already here are replaced,
	 * every row keeps its id, and the id sequences continue after the imported ids. Every
	 * remember-me login is deleted, and every session ends (the users' security stamps
	 * are renewed by the listeners of {@link BackupImported}). The status page is rebuilt
	 * afterwards.
	 * @throws InvalidBackupException, with nothing written, when the install is not empty
	 * or the document is not a backup this version can read
	 */
	public ImportSummary importBackup(InputStream in) {
		BackupSchema schema = BackupSchema.read(this.jdbc);
		MigrationVersion current = schemaVersion();
		ImportSummary summary = this.importTransaction.execute((status) -> {
			for (BackupSchema.Table table : schema.tables()) {
				if (!table.replaced() && hasRows(table)) {
					throw new InvalidBackupException("This install is not empty (table \"" + table.key()
							+ "\" has rows): a backup can only be imported into a new install.");
				}
			}
			for (BackupSchema.Table table : schema.tables()) {
				if (table.replaced()) {
					this.jdbc.update("DELETE FROM " + table.sqlName());
				}
			}
			for (String cleared : BackupSchema.CLEARED) {
				this.jdbc.update("DELETE FROM " + cleared);
			}
			return new BackupReader(schema, this.jdbc, current).read(this.reader, in);
		});
		new IdentityReset(this.jdbc, schema).resetAll();
		// a backup from before encryption brings plain text: encrypt it now; one written
		// under another key is reported (WARN and the settings page)
		this.secrets.migrate();
		this.settings.reload();
		this.events.publishEvent(new BackupImported(summary.rows()));
		logger.info("Imported a backup: {} rows in {} tables", summary.rows(), summary.rowsByTable().size());
		return summary;
	}

	private boolean hasRows(BackupSchema.Table table) {
		Integer found = this.jdbc.queryForObject(
				"SELECT CASE WHEN EXISTS (SELECT 1 FROM " + table.sqlName() + ") THEN 1 ELSE 0 END", Integer.class);
		return found != null && found == 1;
	}

	private MigrationVersion schemaVersion() {
		MigrationInfo current = this.flyway.info().current();
		return (current != null) ? current.getVersion() : MigrationVersion.EMPTY;
	}

}
