package io.cachet.statuspage;

import java.time.ZoneId;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import io.cachet.settings.SiteSettings;

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

}
