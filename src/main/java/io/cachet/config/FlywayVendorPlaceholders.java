package io.cachet.config;

import java.sql.DatabaseMetaData;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.api.configuration.FluentConfiguration;

import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Sets the vendor-specific SQL type placeholders of the migrations for the database
 * Flyway is about to migrate, so that one set of migration files runs on H2, PostgreSQL
 * and MariaDB and the database is chosen by {@code SPRING_DATASOURCE_URL} alone.
 */
@Component
class FlywayVendorPlaceholders implements FlywayConfigurationCustomizer {

	@Override
	public void customize(FluentConfiguration configuration) {
		DatabaseVendor vendor = DatabaseVendor.fromProductName(productName(configuration.getDataSource()));
		Map<String, String> placeholders = new HashMap<>(configuration.getPlaceholders());
		placeholders.putAll(vendor.placeholders());
		configuration.placeholders(placeholders);
	}

	private static String productName(DataSource dataSource) {
		try {
			return JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
		}
		catch (MetaDataAccessException ex) {
			throw new IllegalStateException("Cannot reach the database to choose the migration dialect", ex);
		}
	}

}
