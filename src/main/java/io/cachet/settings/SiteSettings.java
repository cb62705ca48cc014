package io.cachet.settings;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

/**
 * The settings as typed values, with Cachet's defaults for the ones never set: read from
 * the {@code settings} table in one place ({@link SettingsService#site()}), so that no
 * caller repeats a setting's name or default. Strings are as stored (callers that need
 * them trimmed trim them); secrets are not here ({@link SettingsService#getSecret}).
 *
 * @param name {@code app_name}, default {@code Cachet}
 * @param domain {@code app_domain}, the page's public address as the team typed it
 * @param timezone {@code app_timezone}, UTC when unset or invalid
 * @param locale {@code app_locale}, the closest supported language
 * ({@link PageLocales#fromSetting})
 * @param majorOutageRate {@code major_outage_rate}: the percentage of components in major
 * outage from which the whole system is, default 50
 * @param enableSubscribers {@code enable_subscribers}
 * @param skipSubscriberVerification {@code skip_subscriber_verification}
 * @param suppressNotificationsInMaintenance {@code suppress_notifications_in_maintenance}
 * @param alwaysAuthenticate {@code always_authenticate} ({@link AlwaysAuthenticate})
 * @param allowedDomains {@code allowed_domains} ({@link AllowedOrigins})
 * @param outboundAllow {@code outbound_allow}, the admins' outbound allow-list
 * @param monitorResultRetentionDays {@code monitor_result_retention_days}, at least 1,
 * default 7
 */
public record SiteSettings(String name, String domain, ZoneId timezone, Locale locale, int majorOutageRate, Page page,
		Theme theme, Mail mail, boolean enableSubscribers, boolean skipSubscriberVerification,
		boolean suppressNotificationsInMaintenance, boolean alwaysAuthenticate, String allowedDomains,
		String outboundAllow, int monitorResultRetentionDays) {

	/**
	 * The default zone, by its name: {@code ZoneOffset.UTC} would show as "Z" where the
	 * page names its time zone.
	 */
	private static final ZoneId UTC = ZoneId.of("UTC");

	/**
	 * What the public page shows and how.
	 *
	 * @param about {@code app_about}, markdown
	 * @param incidentDays {@code app_incident_days}: the days of the timeline, 1 to 90,
	 * default 7
	 * @param refreshRate {@code app_refresh_rate}: seconds between reloads, 0 for never
	 * @param banner {@code app_banner}: the image in base64 (or a data URI), empty for
	 * none
	 * @param bannerType {@code app_banner_type}, default {@code image/png}
	 * @param header {@code header}: HTML the team wrote for the top of the page
	 * @param footer {@code footer}: HTML for its bottom
	 * @param stylesheet {@code stylesheet}: CSS added to the page
	 */
	public record Page(String about, boolean automaticLocalization, int incidentDays, int refreshRate,
			boolean onlyDisruptedDays, boolean showTimezone, boolean displayGraphs, boolean dashboardLoginLink,
			String banner, String bannerType, String header, String footer, String stylesheet) {
	}

	/**
	 * The page's colours and banner spacing ({@code style_*} settings), each the default
	 * when the setting holds anything that could break out of a style sheet.
	 */
	public record Theme(String background, String backgroundFills, String bannerBackground, String bannerPadding,
			String text, String reds, String blues, String greens, String yellows, String oranges, String greys,
			String metrics, String links) {

		/**
		 * @param name {@code reds}, {@code blues}, {@code greens}, {@code yellows},
		 * {@code oranges} or {@code greys}
		 * @return that colour, or the blue for any other name
		 */
		public String colour(String name) {
			return switch (name) {
				case "reds" -> this.reds;
				case "greens" -> this.greens;
				case "yellows" -> this.yellows;
				case "oranges" -> this.oranges;
				case "greys" -> this.greys;
				default -> this.blues;
			};
		}

	}

	/**
	 * The SMTP server the dashboard configures ({@code mail_*} settings; the password is
	 * a secret, read with {@link SettingsService#getSecret}).
	 *
	 * @param port {@code mail_port}, default 25
	 * @param encryption {@code mail_encryption}: {@code none} (the default), {@code tls}
	 * or {@code ssl}
	 * @param name {@code mail_name}: the sender's display name
	 * @param address {@code mail_address}: the sender's address
	 */
	public record Mail(String host, int port, String username, String encryption, String name, String address) {
	}

	/**
	 * @return the settings of a status page where none was ever set (for tests and
	 * examples)
	 */
	public static SiteSettings defaults() {
		return of(Map.of());
	}

	/**
	 * @param values the settings by name, in clear
	 * @return the settings with the defaults filled in, never {@code null}
	 */
	public static SiteSettings of(Map<String, String> values) {
		Values read = new Values(values);
		var page = new Page(read.string("app_about", ""), read.bool("automatic_localization", false),
				Math.min(90, Math.max(1, read.integer("app_incident_days", 7))),
				Math.max(0, read.integer("app_refresh_rate", 0)), read.bool("only_disrupted_days", false),
				read.bool("show_timezone", false), read.bool("display_graphs", true),
				read.bool("dashboard_login_link", true), read.string("app_banner", ""),
				read.string("app_banner_type", "image/png"), read.string("header", ""), read.string("footer", ""),
				read.string("stylesheet", ""));
		var theme = new Theme(read.style("style_background_color", "#F0F3F4"),
				read.style("style_background_fills", "#FFFFFF"), read.style("style_banner_background_color", ""),
				read.style("style_banner_padding", "40px 0"), read.style("style_text_color", "#333333"),
				read.style("style_reds", "#FF6F6F"), read.style("style_blues", "#3498DB"),
				read.style("style_greens", "#7ED321"), read.style("style_yellows", "#F7CA18"),
				read.style("style_oranges", "#FF8800"), read.style("style_greys", "#888888"),
				read.style("style_metrics", "#0DCCC0"), read.style("style_links", "#7ED321"));
		var mail = new Mail(read.string("mail_host", ""), read.integer("mail_port", 25),
				read.string("mail_username", ""), read.string("mail_encryption", "none"), read.string("mail_name", ""),
				read.string("mail_address", ""));
		return new SiteSettings(read.string("app_name", "Cachet"), read.string("app_domain", ""), read.zone(),
				PageLocales.fromSetting(read.string("app_locale", "en")), read.integer("major_outage_rate", 50), page,
				theme, mail, read.bool("enable_subscribers", false), read.bool("skip_subscriber_verification", false),
				read.bool("suppress_notifications_in_maintenance", false), read.bool(AlwaysAuthenticate.SETTING, false),
				read.string("allowed_domains", ""), read.string("outbound_allow", ""),
				Math.max(1, read.integer("monitor_result_retention_days", 7)));
	}

	/**
	 * Cachet's ways of writing values: {@code 1}/{@code true} for yes, numbers with
	 * spaces around them.
	 */
	private record Values(Map<String, String> values) {

		String string(String name, String defaultValue) {
			return this.values.getOrDefault(name, defaultValue);
		}

		boolean bool(String name, boolean defaultValue) {
			String value = this.values.get(name);
			return (value != null) ? value.equals("1") || value.equalsIgnoreCase("true") : defaultValue;
		}

		int integer(String name, int defaultValue) {
			String value = this.values.get(name);
			try {
				return (value != null) ? Integer.parseInt(value.strip()) : defaultValue;
			}
			catch (NumberFormatException ex) {
				return defaultValue;
			}
		}

		ZoneId zone() {
			String value = this.values.get("app_timezone");
			try {
				return (value != null) ? ZoneId.of(value) : UTC;
			}
			catch (DateTimeException ex) {
				return UTC;
			}
		}

		String style(String name, String defaultValue) {
			String value = string(name, defaultValue).strip();
			return value.matches("[#a-zA-Z0-9 .,%()-]{0,64}") ? value : defaultValue;
		}

	}

}
