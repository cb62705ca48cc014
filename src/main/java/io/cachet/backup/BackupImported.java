package io.cachet.backup;

/**
 * A backup was imported: everything that keeps database rows in memory must read them
 * again.
 *
 * @param rows the number of rows imported
 */
public record BackupImported(long rows) {
}
