package io.cachet.statuspage;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import io.cachet.settings.SettingsService;
import io.cachet.settings.SiteSettings;
import io.cachet.subscriber.SubscriberLinks;
import io.cachet.subscriber.SubscriberService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;

/**
 * The public subscribe form as a {@code @WebMvcTest} slice. Security is left out
 * ({@code addFilters = false}): the form is public, and who may see it on a private
 * status page is the integration tests' job; so are the pages drawn from the status
 * page's snapshot, which this slice does not build (its cache is empty: the pages answer
 * 503 until the first snapshot).
 */
@WebMvcTest(controllers = SubscribeController.class,
		excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "io\\.cachet\\.(api|dashboard)\\..*"))
@AutoConfigureMockMvc(addFilters = false)
class SubscribeControllerTests {

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	StatusPageCache cache;

	@MockitoBean
	SubscriberService subscribers;

	@MockitoBean
	SubscriberLinks links;

	@MockitoBean
	SettingsService settings;

	@MockitoBean
	SubscribeThrottle throttle;

	@BeforeEach
	void subscriptionsOpen() {
		given(this.cache.current()).willReturn(Optional.empty());
		given(this.settings.site()).willReturn(SiteSettings.of(Map.of("enable_subscribers", "1", "app_locale", "en")));
		given(this.throttle.allowClient(anyString())).willReturn(true);
		given(this.throttle.allowMailbox(anyString())).willReturn(true);
	}

	@Test
	void subscribesTheAddressAndSaysSo() {
		assertThat(this.mvc.post().uri("/subscribe").param("email", " Ann@Example.test ")).hasStatus(HttpStatus.FOUND)
			.hasRedirectedUrl("/subscribe")
			.flash()
			.containsEntry("notice", "subscribe.sent");
		then(this.subscribers).should().subscribeFromPage("Ann@Example.test", false, "en");
	}

	@Test
	void overTheMailboxLimitItSaysTheSameButSendsNothing() {
		given(this.throttle.allowMailbox("ann@example.test")).willReturn(false);

		assertThat(this.mvc.post().uri("/subscribe").param("email", "Ann@Example.test")).hasRedirectedUrl("/subscribe")
			.flash()
			.containsEntry("notice", "subscribe.sent");
		then(this.subscribers).should(never()).subscribeFromPage(anyString(), anyBoolean(), anyString());
	}

	@Test
	void closedSubscriptionsAndBadAddressesSubscribeNobody() {
		assertThat(this.mvc.post().uri("/subscribe").param("email", "not-an-address"))
			.hasStatus(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(this.mvc.post().uri("/subscribe").param("email", "x".repeat(65) + "@example.test"))
			.hasStatus(HttpStatus.SERVICE_UNAVAILABLE);
		given(this.settings.site()).willReturn(SiteSettings.defaults());
		assertThat(this.mvc.post().uri("/subscribe").param("email", "ann@example.test"))
			.hasStatus(HttpStatus.SERVICE_UNAVAILABLE);
		then(this.subscribers).should(never()).subscribeFromPage(anyString(), anyBoolean(), anyString());
	}

	@Test
	void pagesWaitForTheFirstSnapshot() {
		assertThat(this.mvc.get().uri("/subscribe")).hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
			.hasViewName("status/unavailable");
	}

}
