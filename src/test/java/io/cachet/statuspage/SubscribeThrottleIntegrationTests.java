package io.cachet.statuspage;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cachet.StatusPageTest;
import io.cachet.TestUsers;
import io.cachet.dashboard.FormClient;
import io.cachet.settings.SettingsService;
import io.cachet.shared.ListQuery;
import io.cachet.subscriber.SubscriberService;
import io.cachet.user.UserService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The subscribe form cannot be used to flood mailboxes: one client is refused after 10
 * requests in 10 minutes, and one mailbox gets at most 3 e-mails an hour, while the page
 * answers the same either way.
 */
@StatusPageTest
class SubscribeThrottleIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	SubscribeThrottle throttle;

	@Autowired
	SettingsService settings;

	@Autowired
	SubscriberService subscribers;

	@Autowired
	UserService users;

	@AfterEach
	void clear() {
		this.throttle.clear();
	}

	@Test
	void aClientIsRefusedAfterTenRequestsAndAMailboxAfterThreeMails() {
		TestUsers.ensureSetUp(this.users);
		this.settings.set("enable_subscribers", "1");
		this.throttle.clear();
		FormClient client = new FormClient(this.port);
		for (int i = 0; i < SubscribeThrottle.PER_CLIENT; i++) {
			client.get("/subscribe");
			var answer = client.post("/subscribe", Map.of("email", "flooded@example.com"));
			assertThat(answer.statusCode()).as("request %d", i + 1).isEqualTo(302);
		}
		client.get("/subscribe");
		var refused = client.post("/subscribe", Map.of("email", "other@example.com"));
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.body()).contains("Too many requests");
		assertThat(this.subscribers.findSubscribers(ListQuery.all()).items())
			.noneMatch((s) -> "other@example.com".equals(s.email()));

		assertThat(this.throttle.allowMailbox("fresh@example.com")).isTrue();
		assertThat(this.throttle.allowMailbox("fresh@example.com")).isTrue();
		assertThat(this.throttle.allowMailbox("fresh@example.com")).isTrue();
		assertThat(this.throttle.allowMailbox("fresh@example.com")).isFalse();
		assertThat(this.throttle.allowMailbox("flooded@example.com")).isFalse();
	}

	/**
	 * Before, the pattern backtracked quadratically: 100,000 characters took seconds.
	 */
	@Test
	void aHugeAddressIsRefusedFast() {
		TestUsers.ensureSetUp(this.users);
		this.settings.set("enable_subscribers", "1");
		FormClient client = new FormClient(this.port);
		client.get("/subscribe");
		String hostile = "a@" + "b".repeat(100_000);

		var refused = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(5),
				() -> client.post("/subscribe", Map.of("email", hostile)));

		assertThat(refused.statusCode()).isEqualTo(422);
	}

}
