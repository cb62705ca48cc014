package io.cachet.dashboard;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import io.cachet.crypto.SecretsAtRest;
import io.cachet.mail.MailService;
import io.cachet.outbound.OutboundPolicy;
import io.cachet.settings.SettingsService;
import io.cachet.settings.SiteSettings;
import io.cachet.user.UserLevel;
import io.cachet.user.UserService;
import io.cachet.user.UserView;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static io.cachet.dashboard.ComponentsControllerTests.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

@DashboardSliceTest(SettingsController.class)
class SettingsControllerTests {

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	SettingsService settings;

	@MockitoBean
	SettingsWriter writer;

	@MockitoBean
	MailService mail;

	@MockitoBean
	UserService users;

	@MockitoBean
	OutboundPolicy outbound;

	@MockitoBean
	SecretsAtRest secrets;

	@BeforeEach
	void storedValuesAreTheDefaults() {
		given(this.settings.get(anyString(), anyString())).willAnswer((call) -> call.getArgument(1));
		given(this.settings.site()).willReturn(SiteSettings.defaults());
		given(this.secrets.unreadable()).willReturn(List.of());
	}

	@Test
	void settingsOpenOnTheSetupSection() {
		assertThat(this.mvc.get().uri("/dashboard/settings").with(admin()))
			.hasRedirectedUrl("/dashboard/settings/setup");
	}

	@Test
	void showsASectionWithItsStoredValues() {
		given(this.settings.get("app_name", "Cachet")).willReturn("Acme Status");

		assertThat(this.mvc.get().uri("/dashboard/settings/setup").with(admin())).hasStatusOk()
			.hasViewName("dashboard/settings")
			.model()
			.containsEntry("section", SettingsSection.SETUP)
			.containsEntry("errors", Map.of())
			.extractingByKey("values")
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.map(String.class, String.class))
			.containsEntry("app_name", "Acme Status")
			.containsEntry("major_outage_rate", "50");
	}

	@Test
	void anUnknownSectionIsNotFound() {
		assertThat(this.mvc.get().uri("/dashboard/settings/nope").with(admin())).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(this.mvc.post().uri("/dashboard/settings/nope").with(admin()).with(csrf()))
			.hasStatus(HttpStatus.NOT_FOUND);
		then(this.writer).shouldHaveNoInteractions();
	}

	@Test
	void oneWrongFieldSavesNothingAndTheFormKeepsTheInput() {
		assertThat(this.mvc.post()
			.uri("/dashboard/settings/setup")
			.params(sent(SettingsSection.SETUP, "app_name", "Acme Status", "app_incident_days", "365",
					"major_outage_rate", "lots"))
			.with(admin())
			.with(csrf())).hasStatusOk()
			.hasViewName("dashboard/settings")
			.model()
			.containsEntry("errors",
					Map.of("app_incident_days", "Days of incidents shown must be between 1 and 90", "major_outage_rate",
							"Major outage from (% of components down) must be a whole number"))
			.extractingByKey("values")
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.map(String.class, String.class))
			.containsEntry("app_name", "Acme Status")
			.containsEntry("major_outage_rate", "lots");
		then(this.writer).shouldHaveNoInteractions();
	}

	@Test
	void refusesABadOutboundAllowList() {
		assertThat(this.mvc.post()
			.uri("/dashboard/settings/security")
			.params(sent(SettingsSection.SECURITY, OutboundPolicy.SETTING, "10.0.0.0/99"))
			.with(admin())
			.with(csrf())).hasStatusOk()
			.model()
			.extractingByKey("errors")
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.map(String.class, String.class))
			.containsKey(OutboundPolicy.SETTING);
		then(this.writer).shouldHaveNoInteractions();
	}

	@Test
	void savesTheWholeSectionWithMessage() {
		assertThat(this.mvc.post()
			.uri("/dashboard/settings/setup")
			.params(sent(SettingsSection.SETUP, "app_name", "Acme Status", "display_graphs", "on"))
			.with(admin())
			.with(csrf())).hasStatus(HttpStatus.FOUND)
			.hasRedirectedUrl("/dashboard/settings/setup")
			.flash()
			.containsEntry("message", "Setup settings saved.");
		@SuppressWarnings("unchecked")
		ArgumentCaptor<Map<String, String>> values = ArgumentCaptor.forClass(Map.class);
		then(this.writer).should().saveAll(values.capture());
		assertThat(values.getValue()).containsEntry("app_name", "Acme Status")
			.containsEntry("display_graphs", "1")
			.containsEntry("show_timezone", "0")
			.containsEntry("major_outage_rate", "50")
			.hasSize(SettingsSection.SETUP.fields().size());
	}

	@Test
	void anEmptyPasswordKeepsTheStoredOne() {
		assertThat(this.mvc.post()
			.uri("/dashboard/settings/mail")
			.params(sent(SettingsSection.MAIL, "mail_host", "smtp.example.test", "mail_password", ""))
			.with(admin())
			.with(csrf())).hasRedirectedUrl("/dashboard/settings/mail");
		@SuppressWarnings("unchecked")
		ArgumentCaptor<Map<String, String>> values = ArgumentCaptor.forClass(Map.class);
		then(this.writer).should().saveAll(values.capture());
		assertThat(values.getValue()).containsEntry("mail_host", "smtp.example.test")
			.doesNotContainKey("mail_password");
	}

	@Test
	void refusesABannerThatIsNotAnImage() {
		MockMultipartFile banner = new MockMultipartFile("app_banner_file", "banner.svg", "image/svg+xml",
				"<svg/>".getBytes());

		assertThat(this.mvc.post()
			.multipart()
			.uri("/dashboard/settings/theme")
			.params(sent(SettingsSection.THEME))
			.file(banner)
			.with(admin())
			.with(csrf())).hasStatusOk()
			.model()
			.extractingByKey("errors")
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.map(String.class, String.class))
			.containsEntry("app_banner", "The banner must be a PNG, JPEG, GIF or WebP image of at most 1 MB");
		then(this.writer).should(never()).saveAll(anyMap());
	}

	@Test
	void testMailGoesToTheSignedInAdmin() {
		given(this.users.findByLogin("admin")).willReturn(Optional.of(signedIn()));

		assertThat(this.mvc.post().uri("/dashboard/settings/mail/test").with(admin()).with(csrf()))
			.hasRedirectedUrl("/dashboard/settings/mail")
			.flash()
			.containsEntry("message", "A test message was sent to admin@example.test.");
		then(this.mail).should().send(eq("admin@example.test"), eq("Test message from Cachet"), anyString());
	}

	@Test
	void aFailedTestMailSaysWhyWithoutTheStackTrace() {
		given(this.users.findByLogin("admin")).willReturn(Optional.of(signedIn()));
		willThrow(new IllegalStateException("send failed", new java.net.ConnectException("Connection refused")))
			.given(this.mail)
			.send(anyString(), anyString(), anyString());

		assertThat(this.mvc.post().uri("/dashboard/settings/mail/test").with(admin()).with(csrf()))
			.hasRedirectedUrl("/dashboard/settings/mail")
			.flash()
			.containsEntry("mailError", "The test message could not be sent: Connection refused");
	}

	static UserView signedIn() {
		return new UserView(1, "admin", "admin@example.test", UserLevel.ADMIN, true, ComponentsControllerTests.NOW,
				ComponentsControllerTests.NOW);
	}

	/**
	 * @return what the page sends when nothing is changed: every field of the section,
	 * with its default value, except the {@code changed} ones (name, value, name,
	 * value...)
	 */
	static org.springframework.util.MultiValueMap<String, String> sent(SettingsSection section, String... changed) {
		var fields = new org.springframework.util.LinkedMultiValueMap<String, String>();
		section.fields().forEach((field) -> fields.add(field.key(), field.defaultValue()));
		for (int i = 0; i < changed.length; i += 2) {
			fields.set(changed[i], changed[i + 1]);
		}
		return fields;
	}

}
