package io.cachet.dashboard;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.cachet.outbound.OutboundPolicy;
import io.cachet.settings.PageLocales;

/**
 * The settings pages, with Cachet 2.4's keys and defaults
 * (docs/cachet-api-compatibility.md, "Settings").
 */
public enum SettingsSection {

	SETUP("setup", "Setup", List.of(SettingField.text("app_name", "Name of the status page", "Cachet"),
			SettingField.text("app_domain", "Domain (the page's address)", ""),
			SettingField.textarea("app_about", "About this page (Markdown)", "Shown at the top of the page"),
			SettingField.number("app_incident_days", "Days of incidents shown", 7, 1, 90),
			SettingField.number("app_refresh_rate", "Refresh the page every (seconds, 0 = never)", 0, 0, 3600),
			SettingField.number("major_outage_rate", "Major outage from (% of components down)", 50, 1, 100),
			SettingField.bool("display_graphs", "Show metric charts", true),
			SettingField.bool("show_support", "Show support for Cachet", true),
			SettingField.bool("show_timezone", "Show the time zone", false),
			SettingField.bool("only_disrupted_days", "Only list days with incidents", false),
			SettingField.bool("dashboard_login_link", "Link to the dashboard in the footer", true),
			SettingField.bool("enable_subscribers", "Let people subscribe", false),
			SettingField.bool("skip_subscriber_verification", "Skip e-mail verification of subscribers", false),
			SettingField.bool("suppress_notifications_in_maintenance", "No notifications during maintenance", false),
			SettingField.number("monitor_result_retention_days", "Keep monitor check results for (days)", 7, 1, 365),
			SettingField.bool("enable_external_dependencies", "Allow external dependencies (fonts, scripts)", true))),
	LOCALIZATION("localization", "Localization",
			List.of(SettingField.select("app_timezone", "Time zone", "UTC",
					ZoneId.getAvailableZoneIds().stream().sorted().toList()),
					SettingField.select("app_locale", "Language", "en",
							PageLocales.SUPPORTED.stream().map(java.util.Locale::toLanguageTag).toList()),
					SettingField.bool("automatic_localization", "Use the visitor's browser language", false),
					SettingField.text("date_format", "Date format", "l jS F Y"),
					SettingField.text("incident_date_format", "Incident date format", "l jS F Y H:i:s"))),
	THEME("theme", "Theme", List.of(SettingField.color("style_background_color", "Background", "#F0F3F4"),
			SettingField.color("style_background_fills", "Background fills", "#FFFFFF"),
			SettingField.color("style_banner_background_color", "Banner background", ""),
			SettingField.text("style_banner_padding", "Banner padding", "40px 0"),
			SettingField.color("style_text_color", "Text", "#333333"),
			SettingField.color("style_reds", "Reds", "#FF6F6F"), SettingField.color("style_blues", "Blues", "#3498DB"),
			SettingField.color("style_greens", "Greens", "#7ED321"),
			SettingField.color("style_yellows", "Yellows", "#F7CA18"),
			SettingField.color("style_oranges", "Oranges", "#FF8800"),
			SettingField.color("style_greys", "Greys", "#888888"),
			SettingField.color("style_metrics", "Metrics", "#0DCCC0"),
			SettingField.color("style_links", "Links", "#7ED321"),
			SettingField.bool("style_fullwidth_header", "Full-width header", false))),
	STYLESHEET("stylesheet", "Stylesheet",
			List.of(SettingField.textarea("stylesheet", "Custom CSS", "Added to every public page"))),
	CUSTOMIZATION("customization", "Customization",
			List.of(SettingField.textarea("header", "Custom header HTML", "Shown above the page"),
					SettingField.textarea("footer", "Custom footer HTML", "Replaces the default footer"))),
	MAIL("mail", "Mail", List.of(SettingField.text("mail_host", "SMTP server", ""),
			SettingField.number("mail_port", "Port", 587, 1, 65535), SettingField.text("mail_username", "Username", ""),
			SettingField.password("mail_password", "Password (left empty: unchanged)"),
			SettingField.select("mail_encryption", "Encryption", "tls", List.of("none", "tls", "ssl")),
			SettingField.text("mail_address", "Sender address", ""),
			SettingField.text("mail_name", "Sender name", ""))),
	SECURITY("security", "Security",
			List.of(SettingField.text("allowed_domains",
					"Sites whose scripts may read the API (CORS origins, comma-separated; empty: this page only)", ""),
					SettingField.bool("always_authenticate",
							"Private status page: a login to see it, an API token even to read the API", false),
					SettingField.textarea(OutboundPolicy.SETTING, "Outbound allow-list",
							"Host names and CIDR ranges (comma-separated, such as 10.1.2.0/24,hooks.internal.example) "
									+ "that webhooks, followed pages, the Cachet import and the mail server may "
									+ "reach although they are internal; added to CACHET_OUTBOUND_ALLOW")));

	private final String path;

	private final String title;

	private final List<SettingField> fields;

	SettingsSection(String path, String title, List<SettingField> fields) {
		this.path = path;
		this.title = title;
		this.fields = fields;
	}

	public String path() {
		return this.path;
	}

	public String title() {
		return this.title;
	}

	public List<SettingField> fields() {
		return this.fields;
	}

	static Optional<SettingsSection> of(String path) {
		return Arrays.stream(values()).filter((section) -> section.path.equals(path)).findFirst();
	}

}
