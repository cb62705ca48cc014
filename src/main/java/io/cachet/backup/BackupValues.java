package io.cachet.backup;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;

/**
 * The portable JSON form of a column value, chosen by the column's JDBC type: the source
 * database's type when writing, the target's when reading, so that a MariaDB
 * {@code TINYINT(1)} and an H2 {@code BOOLEAN} both travel as {@code true}/{@code false}.
 * Timestamps are stored as UTC wall-clock values (see {@code CachetApplication}), so they
 * are read and written as {@link LocalDateTime} in UTC, whatever the JVM's time zone.
 */
final class BackupValues {

	private BackupValues() {
	}

	static void write(JsonGenerator json, ResultSet rs, int index, int sqlType) throws SQLException {
		switch (sqlType) {
			case Types.BOOLEAN, Types.BIT -> {
				boolean value = rs.getBoolean(index);
				writeOrNull(json, rs, () -> json.writeBoolean(value));
			}
			case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> {
				long value = rs.getLong(index);
				writeOrNull(json, rs, () -> json.writeNumber(value));
			}
			case Types.REAL, Types.FLOAT, Types.DOUBLE -> {
				double value = rs.getDouble(index);
				writeOrNull(json, rs, () -> json.writeNumber(value));
			}
			case Types.DECIMAL, Types.NUMERIC -> {
				BigDecimal value = rs.getBigDecimal(index);
				writeOrNull(json, rs, () -> json.writeNumber(value));
			}
			case Types.TIMESTAMP -> {
				LocalDateTime value = rs.getObject(index, LocalDateTime.class);
				writeOrNull(json, rs, () -> json.writeString(value.toInstant(ZoneOffset.UTC).toString()));
			}
			case Types.TIMESTAMP_WITH_TIMEZONE -> {
				OffsetDateTime value = rs.getObject(index, OffsetDateTime.class);
				writeOrNull(json, rs, () -> json.writeString(value.toInstant().toString()));
			}
			case Types.DATE -> {
				LocalDate value = rs.getObject(index, LocalDate.class);
				writeOrNull(json, rs, () -> json.writeString(value.toString()));
			}
			case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
				byte[] value = rs.getBytes(index);
				writeOrNull(json, rs, () -> json.writeString(Base64.getEncoder().encodeToString(value)));
			}
			default -> {
				String value = rs.getString(index);
				writeOrNull(json, rs, () -> json.writeString(value));
			}
		}
	}

	private static void writeOrNull(JsonGenerator json, ResultSet rs, Runnable write) throws SQLException {
		if (rs.wasNull()) {
			json.writeNull();
		}
		else {
			write.run();
		}
	}

	/**
	 * @param value {@code null}, a {@link Boolean}, a {@link BigDecimal} or a
	 * {@link String}, as read from the backup
	 * @return the value to bind to a column of this JDBC type
	 * @throws IllegalArgumentException when the value does not fit the column
	 */
	static @Nullable Object toJdbc(@Nullable Object value, int sqlType) {
		if (value == null) {
			return null;
		}
		return switch (sqlType) {
			case Types.BOOLEAN, Types.BIT -> (value instanceof Boolean) ? value : number(value).signum() != 0;
			case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> number(value).longValueExact();
			case Types.REAL, Types.FLOAT, Types.DOUBLE -> number(value).doubleValue();
			case Types.DECIMAL, Types.NUMERIC -> number(value);
			case Types.TIMESTAMP -> LocalDateTime.ofInstant(instant(value), ZoneOffset.UTC);
			case Types.TIMESTAMP_WITH_TIMEZONE -> instant(value).atOffset(ZoneOffset.UTC);
			case Types.DATE -> LocalDate.parse(text(value));
			case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB ->
				Base64.getDecoder().decode(text(value));
			default -> (value instanceof BigDecimal number) ? number.toPlainString() : value.toString();
		};
	}

	private static BigDecimal number(Object value) {
		if (value instanceof BigDecimal number) {
			return number;
		}
		if (value instanceof Boolean bool) {
			return bool ? BigDecimal.ONE : BigDecimal.ZERO;
		}
		throw new IllegalArgumentException("expected a number, found \"" + value + "\"");
	}

	private static Instant instant(Object value) {
		try {
			return Instant.parse(text(value));
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("expected an ISO-8601 UTC time, found \"" + value + "\"");
		}
	}

	private static String text(Object value) {
		if (value instanceof String text) {
			return text;
		}
		throw new IllegalArgumentException("expected a string, found " + value);
	}

}
