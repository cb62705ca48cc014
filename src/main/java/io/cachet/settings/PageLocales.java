package io.cachet.settings;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The languages the public page is translated into, and how a request's language is
 * chosen: the {@code app_locale} setting, or the browser's {@code Accept-Language} when
 * {@code automatic_localization} is on (falling back to the setting).
 */
public final class PageLocales {

	public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH,
			Locale.forLanguageTag("es"), Locale.forLanguageTag("nl"), Locale.forLanguageTag("pt-BR"),
			Locale.forLanguageTag("zh-CN"));

	private PageLocales() {
	}

	/**
	 * @param setting Cachet's {@code app_locale}: {@code en}, {@code de}, {@code pt-BR},
	 * {@code zh-CN}, {@code pt_BR}...
	 * @return the supported locale closest to it, English when none
	 */
	public static Locale fromSetting(@Nullable String setting) {
		if (setting == null || setting.isBlank()) {
			return Locale.ENGLISH;
		}
		Locale wanted = Locale.forLanguageTag(setting.strip().replace('_', '-'));
		return closest(wanted).orElse(Locale.ENGLISH);
	}

	/**
	 * @return the best supported match for an {@code Accept-Language} header, else the
	 * fallback
	 */
	public static Locale fromAcceptLanguage(@Nullable String header, Locale fallback) {
		if (header == null || header.isBlank()) {
			return fallback;
		}
		try {
			for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
				if (range.getWeight() <= 0 || range.getRange().equals("*")) {
					continue;
				}
				var match = closest(Locale.forLanguageTag(range.getRange()));
				if (match.isPresent()) {
					return match.get();
				}
			}
		}
		catch (IllegalArgumentException ex) {
			// A malformed header is the browser's problem, not a reason to fail the page.
		}
		return fallback;
	}

	private static java.util.Optional<Locale> closest(Locale wanted) {
		return SUPPORTED.stream()
			.filter((locale) -> locale.getLanguage().equals(wanted.getLanguage()) && (locale.getCountry().isEmpty()
					|| wanted.getCountry().isEmpty() || locale.getCountry().equals(wanted.getCountry())))
			.findFirst()
			.or(() -> SUPPORTED.stream()
				.filter((locale) -> locale.getLanguage().equals(wanted.getLanguage()))
				.findFirst());
	}

}
