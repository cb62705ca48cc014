package io.cachet.shared;

import java.text.Normalizer;
import java.util.Locale;

/**
 * URL slugs as Laravel's {@code Str::slug} makes them: ASCII, lower case, words joined by
 * dashes.
 */
public final class Slugs {

	private Slugs() {
	}

	public static String of(String text) {
		String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
		return ascii.toLowerCase(Locale.ROOT)
			.replace('_', ' ')
			.replace("@", " at ")
			.replaceAll("[^a-z0-9\\s-]", "")
			.strip()
			.replaceAll("[\\s-]+", "-")
			.replaceAll("^-|-$", "");
	}

}
