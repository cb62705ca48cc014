package io.cachet.statuspage;

import java.time.ZoneId;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import io.cachet.settings.SiteSettings;
import io.cachet.shared.Markdown;

/**
 * The settings the public page shows, read once per rebuild from {@link SiteSettings}.
 *
 * @param aboutHtml {@code app_about} rendered from markdown and sanitized
 * @param headerHtml {@code header}: HTML the team wrote for the top of the page (only
 * admins can set it, as in Cachet), without script ({@link CustomMarkup})
 * @param bannerDataUri {@code app_banner} as a data URI, or {@code null}
 */
record PageSettings(String name, String domain, String aboutHtml, ZoneId timezone, Locale locale,
		boolean automaticLocalization, int incidentDays, int refreshRate, int majorOutageRate,
		boolean onlyDisruptedDays, boolean showTimezone, boolean displayGraphs, boolean dashboardLoginLink,
		boolean enableSubscribers, @Nullable String bannerDataUri, String headerHtml, String footerHtml,
		String stylesheet, SiteSettings.Theme theme) {

	/**
	 * @return what the page shows of the settings: the about text rendered, the header
	 * and footer without script, the banner as a data URI
	 */
	static PageSettings from(SiteSettings site) {
		SiteSettings.Page page = site.page();
		String banner = page.banner();
		String bannerUri = banner.isBlank() ? null
				: (banner.startsWith("data:") ? banner : "data:" + page.bannerType() + ";base64," + banner);
		return new PageSettings(site.name(), site.domain(), Markdown.toSafeHtml(page.about()), site.timezone(),
				site.locale(), page.automaticLocalization(), page.incidentDays(), page.refreshRate(),
				site.majorOutageRate(), page.onlyDisruptedDays(), page.showTimezone(), page.displayGraphs(),
				page.dashboardLoginLink(), site.enableSubscribers(), bannerUri, CustomMarkup.html(page.header()),
				CustomMarkup.html(page.footer()), page.stylesheet(), site.theme());
	}

}
