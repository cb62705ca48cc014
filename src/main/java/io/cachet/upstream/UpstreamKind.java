package io.cachet.upstream;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The format a followed page answers in.
 */
public enum UpstreamKind {

	/**
	 * Atlassian Statuspage's public {@code /api/v2/summary.json} (or components.json).
	 */
	STATUSPAGE,

	/** Another Cachet's {@code /api/v1/components}, page by page. */
	CACHET;

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<UpstreamKind> fromValue(String value) {
		return Arrays.stream(values()).filter((kind) -> kind.value().equalsIgnoreCase(value.strip())).findFirst();
	}

}
