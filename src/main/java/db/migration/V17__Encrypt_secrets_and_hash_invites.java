package db.migration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import io.cachet.config.DatabaseVendor;

/**
 * Secrets at rest (issue 14, item 5), the part that needs no key:
 * <ul>
 * <li>{@code webhooks.secret} and {@code users.google_2fa_secret} grow to 1024
 * characters, room for a 255-character secret encrypted and in base64 (the values
 * themselves are encrypted by {@code SecretsAtRest} at the first start, since the key is
 * no business of a migration);</li>
 * <li>the invite codes are replaced by their SHA-256 digest (hex), as the application now
 * stores them, so that invitations sent before the upgrade keep working for as long as
 * they would have (seven days from their sending, by default).</li>
 * </ul>
 * In Java because neither a column's type change nor SHA-256 has one spelling for H2,
 * PostgreSQL and MariaDB.
 */
public class V17__Encrypt_secrets_and_hash_invites extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		DatabaseVendor vendor = DatabaseVendor.fromProductName(connection.getMetaData().getDatabaseProductName());
		try (Statement statement = connection.createStatement()) {
			if (vendor == DatabaseVendor.MARIADB) {
				statement.execute("ALTER TABLE webhooks MODIFY secret VARCHAR(1024) NOT NULL");
				statement.execute("ALTER TABLE users MODIFY google_2fa_secret VARCHAR(1024)");
			}
			else {
				statement.execute("ALTER TABLE webhooks ALTER COLUMN secret SET DATA TYPE VARCHAR(1024)");
				statement.execute("ALTER TABLE users ALTER COLUMN google_2fa_secret SET DATA TYPE VARCHAR(1024)");
			}
		}
		Map<Long, String> codes = new LinkedHashMap<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT id, code FROM invites")) {
			while (rs.next()) {
				codes.put(rs.getLong(1), rs.getString(2));
			}
		}
		try (PreparedStatement update = connection.prepareStatement("UPDATE invites SET code = ? WHERE id = ?")) {
			for (Map.Entry<Long, String> code : codes.entrySet()) {
				update.setString(1, sha256(code.getValue()));
				update.setLong(2, code.getKey());
				update.addBatch();
			}
			if (!codes.isEmpty()) {
				update.executeBatch();
			}
		}
	}

	/** The digest {@code io.cachet.user.ApiTokens} takes of a token. */
	private static String sha256(String code) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
