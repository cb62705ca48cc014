package io.cachet.monitor;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

public enum MonitorType {

	HTTP, TCP, DNS, TLS, PUSH;

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<MonitorType> fromValue(String value) {
		return Arrays.stream(values()).filter((type) -> type.value().equalsIgnoreCase(value.strip())).findFirst();
	}

}
