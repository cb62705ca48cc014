package io.cachet.dashboard;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * One of Cachet's settings as the settings pages edit it: its key, label, kind and what a
 * valid value is.
 *
 * @param options the allowed values of a {@code SELECT}
 */
public record SettingField(String key, String label, Kind kind, String defaultValue, @Nullable String help,
		List<String> options, int min, int max) {

	public enum Kind {

		TEXT, TEXTAREA, NUMBER, BOOLEAN, COLOR, SELECT, PASSWORD

	}

	static SettingField text(String key, String label, String defaultValue) {
		return new SettingField(key, label, Kind.TEXT, defaultValue, null, List.of(), 0, 255);
	}

	static SettingField textarea(String key, String label, @Nullable String help) {
		return new SettingField(key, label, Kind.TEXTAREA, "", help, List.of(), 0, 100_000);
	}

	static SettingField number(String key, String label, int defaultValue, int min, int max) {
		return new SettingField(key, label, Kind.NUMBER, String.valueOf(defaultValue), null, List.of(), min, max);
	}

	static SettingField bool(String key, String label, boolean defaultValue) {
		return new SettingField(key, label, Kind.BOOLEAN, defaultValue ? "1" : "0", null, List.of(), 0, 1);
	}

	static SettingField color(String key, String label, String defaultValue) {
		return new SettingField(key, label, Kind.COLOR, defaultValue, null, List.of(), 0, 32);
	}

	/**
	 * A secret: never shown back, and left as it is when submitted empty.
	 */
	static SettingField password(String key, String label) {
		return new SettingField(key, label, Kind.PASSWORD, "", null, List.of(), 0, 255);
	}

	static SettingField select(String key, String label, String defaultValue, List<String> options) {
		return new SettingField(key, label, Kind.SELECT, defaultValue, null, options, 0, 255);
	}

	/**
	 * @param raw the submitted value ({@code null} for an unticked checkbox)
	 * @return the value to store, or an error message
	 */
	Result normalize(@Nullable String raw) {
		String value = (raw != null) ? raw.strip() : "";
		return switch (this.kind) {
			case BOOLEAN -> Result.ok(("1".equals(value) || "on".equals(value) || "true".equals(value)) ? "1" : "0");
			case NUMBER -> {
				try {
					int number = Integer.parseInt(value);
					yield (number < this.min || number > this.max)
							? Result.error("must be between " + this.min + " and " + this.max)
							: Result.ok(String.valueOf(number));
				}
				catch (NumberFormatException ex) {
					yield Result.error("must be a whole number");
				}
			}
			case COLOR -> value.isEmpty() || value.matches("#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,20}") ? Result.ok(value)
					: Result.error("must be a colour such as #7ED321");
			case SELECT -> this.options.contains(value) ? Result.ok(value) : Result.error("is not one of the choices");
			case TEXT, PASSWORD -> (value.length() > this.max) ? Result.error("is too long") : Result.ok(value);
			case TEXTAREA ->
				(value.length() > this.max) ? Result.error("is too long") : Result.ok(raw == null ? "" : raw);
		};
	}

	record Result(@Nullable String value, @Nullable String error) {

		static Result ok(String value) {
			return new Result(value, null);
		}

		static Result error(String error) {
			return new Result(null, error);
		}

		Optional<String> errorMessage() {
			return Optional.ofNullable(this.error);
		}

	}

}
