package io.cachet.cachetimport;

import java.util.List;
import java.util.Map;

/**
 * What an import brought.
 *
 * @param counts kind of record ("components", "incident updates" …) to how many were
 * written, in import order
 * @param warnings records left out or changed on the way, one sentence each
 */
public record ImportSummary(Map<String, Integer> counts, List<String> warnings) {

	public ImportSummary {
		counts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(counts));
		warnings = List.copyOf(warnings);
	}

}
