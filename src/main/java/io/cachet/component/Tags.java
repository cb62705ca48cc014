package io.cachet.component;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Tag names to slugs, as Laravel's {@code Str::slug}: ASCII, lower case, words joined by
 * dashes.
 */
final class Tags {

	private Tags() {
	}

	static Map<String, String> bySlug(List<String> names) {
		Map<String, String> tags = new LinkedHashMap<>();
		for (String name : names) {
			String trimmed = name.strip();
			String slug = slug(trimmed);
			if (!slug.isEmpty()) {
				tags.putIfAbsent(slug, trimmed);
			}
		}
		return tags;
	}

	static String slug(String name) {
		String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
		return ascii.toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z0-9\\s-]", "")
			.strip()
			.replaceAll("[\\s-]+", "-")
			.replaceAll("^-|-$", "");
	}

}
