package io.cachet.crypto;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A {@link SecretStore} over one column of a table with a numeric {@code id}: every
 * non-empty value, and a compare-and-set replace. The modules that own such a column
 * declare it with their table's names (constants of the code, never input).
 */
public abstract class ColumnSecretStore implements SecretStore {

	private final JdbcClient jdbc;

	private final String select;

	private final String update;

	private final String label;

	/**
	 * @param table the table
	 * @param column the column holding the secret
	 * @param labelColumn the column that names the row for the admin (e.g. {@code id})
	 * @param label the words before that name, e.g.
	 * {@code "the signing secret of webhook "}
	 */
	protected ColumnSecretStore(JdbcClient jdbc, String table, String column, String labelColumn, String label) {
		this.jdbc = jdbc;
		this.select = "SELECT id, " + labelColumn + ", " + column + " FROM " + table + " WHERE " + column
				+ " IS NOT NULL AND " + column + " <> '' ORDER BY id";
		this.update = "UPDATE " + table + " SET " + column + " = ? WHERE id = ? AND " + column + " = ?";
		this.label = label;
	}

	@Override
	public List<StoredSecret> secrets() {
		return this.jdbc.sql(this.select)
			.query((rs, row) -> new StoredSecret(rs.getString(1), this.label + rs.getString(2), rs.getString(3)))
			.list();
	}

	@Override
	public boolean replace(StoredSecret secret, String newValue) {
		return this.jdbc.sql(this.update).params(newValue, Long.parseLong(secret.id()), secret.value()).update() == 1;
	}

}
