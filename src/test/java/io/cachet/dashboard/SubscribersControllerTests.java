package io.cachet.dashboard;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.cachet.shared.PageResult;
import io.cachet.subscriber.SubscriberNotFoundException;
import io.cachet.subscriber.SubscriberService;
import io.cachet.subscriber.SubscriberView;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static io.cachet.dashboard.ComponentsControllerTests.NOW;
import static io.cachet.dashboard.ComponentsControllerTests.admin;
import static io.cachet.dashboard.ComponentsControllerTests.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.list;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

@DashboardSliceTest(SubscribersController.class)
class SubscribersControllerTests {

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	SubscriberService subscribers;

	@MockitoBean
	SubscriberImport importer;

	@Test
	void searchesSubscribersByAddressIgnoringCase() {
		PageResult<SubscriberView> all = page(
				List.of(subscriber(1, "ann@example.test"), subscriber(2, "Bob@Example.test"), subscriber(3, null)));
		given(this.subscribers.findSubscribers(any())).willReturn(all);

		assertThat(this.mvc.get().uri("/dashboard/subscribers").param("q", " BOB ").with(admin())).hasStatusOk()
			.hasViewName("dashboard/subscribers")
			.model()
			.containsEntry("q", " BOB ")
			.extractingByKey("subscribers")
			.asInstanceOf(list(SubscriberView.class))
			.extracting(SubscriberView::id)
			.containsExactly(2L);
		assertThat(this.mvc.get().uri("/dashboard/subscribers").with(admin())).model()
			.extractingByKey("subscribers")
			.asInstanceOf(list(SubscriberView.class))
			.hasSize(3);
	}

	@Test
	void addsEveryAddressOfTheText() {
		assertThat(this.mvc.post()
			.uri("/dashboard/subscribers")
			.param("emails", "ann@example.test, bob@example.test\ncid@example.test")
			.with(admin())
			.with(csrf())).hasStatus(HttpStatus.FOUND)
			.hasRedirectedUrl("/dashboard/subscribers")
			.flash()
			.containsEntry("message", "Added 3 subscriber(s).");
		then(this.importer).should().addVerified(List.of("ann@example.test", "bob@example.test", "cid@example.test"));
	}

	@Test
	void addsNoneWhenOneIsNotAnAddressAndKeepsTheText() {
		String text = "ann@example.test not-an-address";

		assertThat(this.mvc.post().uri("/dashboard/subscribers").param("emails", text).with(admin()).with(csrf()))
			.hasRedirectedUrl("/dashboard/subscribers")
			.flash()
			.containsEntry("error", "Not e-mail addresses: not-an-address")
			.containsEntry("emails", text);
		assertThat(this.mvc.post().uri("/dashboard/subscribers").param("emails", " ").with(admin()).with(csrf()))
			.flash()
			.containsEntry("error", "Enter at least one e-mail address.");
		then(this.importer).shouldHaveNoInteractions();
	}

	@Test
	void refusesMoreThanAThousandAddressesAtOnce() {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i <= 1000; i++) {
			text.append("user").append(i).append("@example.test\n");
		}

		assertThat(this.mvc.post()
			.uri("/dashboard/subscribers")
			.param("emails", text.toString())
			.with(admin())
			.with(csrf())).flash().containsEntry("error", "At most 1000 addresses at once.");
		then(this.importer).shouldHaveNoInteractions();
	}

	@Test
	void deletesSubscriberOrAnswersNotFound() {
		assertThat(this.mvc.post().uri("/dashboard/subscribers/2/delete").with(admin()).with(csrf()))
			.hasRedirectedUrl("/dashboard/subscribers")
			.flash()
			.containsEntry("message", "Subscriber deleted.");
		then(this.subscribers).should().deleteSubscriber(2);

		willThrow(SubscriberNotFoundException.forId(404)).given(this.subscribers).deleteSubscriber(404);
		assertThat(this.mvc.post().uri("/dashboard/subscribers/404/delete").with(admin()).with(csrf()))
			.hasStatus(HttpStatus.NOT_FOUND)
			.hasViewName("dashboard/not-found");
	}

	static SubscriberView subscriber(long id, String email) {
		return new SubscriberView(id, email, null, null, "code" + id, NOW, true, NOW, NOW, List.of(), null);
	}

}
