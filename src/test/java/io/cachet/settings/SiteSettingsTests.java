package io.cachet.settings;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SiteSettingsTests {

	@Test
	void fillsInCachetsDefaultsForSettingsNeverSet() {
		SiteSettings site = SiteSettings.of(Map.of());
		assertThat(site.name()).isEqualTo("Cachet");
		assertThat(site.timezone()).isEqualTo(ZoneId.of("UTC"));
		assertThat(site.locale()).isEqualTo(Locale.ENGLISH);
		assertThat(site.majorOutageRate()).isEqualTo(50);
		assertThat(site.page().incidentDays()).isEqualTo(7);
		assertThat(site.page().displayGraphs()).isTrue();
		assertThat(site.page().dashboardLoginLink()).isTrue();
		assertThat(site.page().bannerType()).isEqualTo("image/png");
		assertThat(site.mail().port()).isEqualTo(25);
		assertThat(site.mail().encryption()).isEqualTo("none");
		assertThat(site.enableSubscribers()).isFalse();
		assertThat(site.monitorResultRetentionDays()).isEqualTo(7);
		assertThat(site.theme().reds()).isEqualTo("#FF6F6F");
	}

	@Test
	void readsCachetsWaysOfWritingValues() {
		SiteSettings site = SiteSettings.of(Map.of("enable_subscribers", "1", "always_authenticate", "TRUE",
				"app_incident_days", " 500 ", "app_refresh_rate", "-3", "mail_port", "x", "app_timezone",
				"Europe/Paris", "app_locale", "pt_BR", "monitor_result_retention_days", "0"));
		assertThat(site.enableSubscribers()).isTrue();
		assertThat(site.alwaysAuthenticate()).isTrue();
		assertThat(site.page().incidentDays()).isEqualTo(90);
		assertThat(site.page().refreshRate()).isZero();
		assertThat(site.mail().port()).isEqualTo(25);
		assertThat(site.timezone()).isEqualTo(ZoneId.of("Europe/Paris"));
		assertThat(site.locale()).isEqualTo(Locale.forLanguageTag("pt-BR"));
		assertThat(site.monitorResultRetentionDays()).isEqualTo(1);
	}

	@Test
	void fallsBackWhereAValueCannotBeUsed() {
		SiteSettings site = SiteSettings.of(Map.of("app_timezone", "Mars/Olympus", "style_reds",
				"red;}body{display:none", "style_greens", " #00FF00 "));
		assertThat(site.timezone()).isEqualTo(ZoneId.of("UTC"));
		assertThat(site.theme().reds()).isEqualTo("#FF6F6F");
		assertThat(site.theme().greens()).isEqualTo("#00FF00");
		assertThat(site.theme().colour("greens")).isEqualTo("#00FF00");
		assertThat(site.theme().colour("unknown")).isEqualTo("#3498DB");
	}

}
