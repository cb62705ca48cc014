/**
 * Backup and restore: the whole status page (every record and setting) as one JSON
 * document, written by {@link io.cachet.backup.BackupService#export} and read back into
 * an empty install by {@link io.cachet.backup.BackupService#importBackup}, from the
 * command line ({@link io.cachet.backup.BackupCommand}) or the dashboard.
 * <p>
 * The document is {@code {"format":"cachet-jvm-backup","version":1,"exported_at":…,
 * "schema_version":"13","tables":{"components":[{…},…],…}}}: one array of rows per table,
 * a row being its columns by (lower-case) name. Values are portable between H2,
 * PostgreSQL and MariaDB: timestamps as ISO-8601 UTC strings, dates as
 * {@code yyyy-MM-dd}, booleans as booleans, numbers as numbers, text as strings, binary
 * data as base64. The table list comes from the database's own metadata, so a table a
 * later migration adds is carried without any change here, except these, which are left
 * out on purpose:
 * <ul>
 * <li>{@code flyway_schema_history}: the schema itself is Flyway's, and the backup
 * records only its version;</li>
 * <li>{@code EVENT_PUBLICATION}: Spring Modulith's log of events in flight, which
 * belonged to the moment and the install that raised them (the table is gone since V18;
 * an older database may still have it);</li>
 * <li>{@code notifications}, {@code deliveries} and {@code delivery_attempts}: the
 * notification outbox is a work queue, and restoring it would send messages again (or for
 * the first time, long after the fact) from another install;</li>
 * <li>{@code persistent_logins} (remember-me logins) and the {@code remember_me_key}
 * setting of older versions: a backup must not let anyone log in. An import deletes the
 * remember-me logins there were, skips the key in an older backup, and ends every
 * session.</li>
 * </ul>
 * Everything else is business data and is carried, including the audit log, the monitor
 * check results (bounded by their retention setting) and the daily uptime roll-ups
 * (derived, but carrying them makes the restored page identical at once).
 * <p>
 * Secrets are carried as the database holds them: encrypted ({@code enc:v1:…}, see
 * {@link io.cachet.crypto}), so a backup is restorable with its secrets only where the
 * same key is known ({@code CACHET_ENCRYPTION_KEY}, or {@code CACHET_ENCRYPTION_KEY_OLD}
 * next to a new one). The key itself lives outside the database and is never written.
 * Plain text from a backup of before encryption is encrypted right after the import;
 * values no key opens are reported, not dropped. Invite codes are carried as their
 * digests.
 */
@ApplicationModule(allowedDependencies = { "config", "crypto", "settings" })
@NullMarked
package io.cachet.backup;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
