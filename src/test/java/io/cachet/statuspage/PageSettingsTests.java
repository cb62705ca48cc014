package io.cachet.statuspage;

import org.junit.jupiter.api.Test;

import io.cachet.settings.SiteSettings;

import static org.assertj.core.api.Assertions.assertThat;

class PageSettingsTests {

	@Test
	void showsTheBannerAsADataUriAndNoneWhenUnset() {
		assertThat(PageSettings.from(SiteSettings.defaults()).bannerDataUri()).isNull();
		SiteSettings site = SiteSettings.defaults();
		SiteSettings withBanner = new SiteSettings(site.name(), site.domain(), site.timezone(), site.locale(),
				site.majorOutageRate(), new SiteSettings.Page("*Hello*", false, 7, 0, false, false, true, true, "AAAA",
						"image/gif", "", "", ""),
				site.theme(), site.mail(), false, false, false, false, "", "", 7);
		PageSettings page = PageSettings.from(withBanner);
		assertThat(page.bannerDataUri()).isEqualTo("data:image/gif;base64,AAAA");
		assertThat(page.aboutHtml()).contains("<em>Hello</em>");
		assertThat(page.name()).isEqualTo("Cachet");
		assertThat(page.theme()).isEqualTo(site.theme());
	}

}
