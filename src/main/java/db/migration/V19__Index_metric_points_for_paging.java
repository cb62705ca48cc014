package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import io.cachet.config.DatabaseVendor;

/**
 * The points list pages over an index of ids only (issue 16, deep pages): the index on
 * {@code (metric_id, created_at)} becomes one on {@code (metric_id, created_at, id)}, in
 * the list's order (newest first, the highest id first among equal times), so that the
 * rows before a deep page are skipped in the index without reading the table (PostgreSQL
 * answers from the index alone; MariaDB's secondary indexes hold the primary key already,
 * but the index is the same everywhere). The chart's range reads use its first two
 * columns as before.
 * <p>
 * In Java because {@code DROP INDEX} has no spelling common to H2, PostgreSQL and
 * MariaDB.
 */
public class V19__Index_metric_points_for_paging extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		DatabaseVendor vendor = DatabaseVendor.fromProductName(connection.getMetaData().getDatabaseProductName());
		try (Statement statement = connection.createStatement()) {
			// Created first: MariaDB keeps an index on metric_id for the foreign key.
			statement.execute(
					"CREATE INDEX ix_metric_points_metric_created_id ON metric_points (metric_id, created_at, id)");
			statement.execute(
					(vendor == DatabaseVendor.MARIADB) ? "DROP INDEX ix_metric_points_metric_created ON metric_points"
							: "DROP INDEX ix_metric_points_metric_created");
		}
	}

}
