package io.cachet.api;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.cachet.settings.SettingsService;

/**
 * Cachet's timestamps: {@code "YYYY-MM-DD HH:MM:SS"} in the status page's time zone, or
 * in the zone of the request's {@code Time-Zone} header when it names a valid one. Input
 * times use {@code "YYYY-MM-DD HH:MM"} (seconds are accepted too) in the same zone.
 */
@Component
class ApiTimes {

	static final String TIME_ZONE_HEADER = "Time-Zone";

	private static final DateTimeFormatter OUTPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private static final DateTimeFormatter INPUT_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final SettingsService settings;

	ApiTimes(SettingsService settings) {
		this.settings = settings;
	}

	@Nullable String format(@Nullable Instant instant) {
		return (instant != null) ? OUTPUT.format(instant.atZone(zone())) : null;
	}

	/**
	 * @return the instant, or {@code null} if the text is not a valid date and time
	 */
	@Nullable Instant parse(String text) {
		String value = text.strip();
		try {
			LocalDateTime local = (value.length() > 16) ? LocalDateTime.parse(value, OUTPUT)
					: LocalDateTime.parse(value, INPUT_MINUTES);
			return local.atZone(zone()).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	ZoneId zone() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			String header = request.getHeader(TIME_ZONE_HEADER);
			if (header != null && !header.isBlank()) {
				try {
					return ZoneId.of(header.strip());
				}
				catch (DateTimeException ex) {
					// An unknown zone falls back to the status page's, as Cachet does.
				}
			}
		}
		return this.settings.site().timezone();
	}

}
