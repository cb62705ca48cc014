package io.cachet.component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cachet.shared.Slugs;

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
		return Slugs.of(name);
	}

}
