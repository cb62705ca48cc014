package io.cachet.demo;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cachet.incident.IncidentTemplateService;
import io.cachet.subscriber.SubscriberService;
import io.cachet.user.CreateUser;
import io.cachet.user.ExternalIdentity;
import io.cachet.user.ExternalSignIns;
import io.cachet.user.UserLevel;
import io.cachet.user.UserService;

import org.springframework.stereotype.Component;

/**
 * The people side of the demo: two dashboard users (an admin and a level-2 user, with the
 * passwords the README gives), subscribers verified and not, and incident templates.
 * <p>
 * The users are made only when there is no user at all: a known password must never be
 * added next to real accounts (for instance the admin {@code CACHET_ADMIN_*} created a
 * moment before). The demo then skips the setup wizard, as any page with users does.
 */
@Component
class DemoTeam {

	static final String ADMIN_EMAIL = "admin@example.com";

	static final String ADMIN_PASSWORD = "demo-admin-password";

	static final String USER_EMAIL = "operator@example.com";

	static final String USER_PASSWORD = "demo-user-password";

	private static final Logger logger = LoggerFactory.getLogger(DemoTeam.class);

	private final UserService users;

	private final SubscriberService subscribers;

	private final IncidentTemplateService templates;

	private final ExternalSignIns signIns;

	DemoTeam(UserService users, SubscriberService subscribers, IncidentTemplateService templates,
			ExternalSignIns signIns) {
		this.users = users;
		this.signIns = signIns;
		this.subscribers = subscribers;
		this.templates = templates;
	}

	void seedUsers() {
		if (this.users.hasUsers()) {
			logger.info("Demo mode: users exist already, no demo users made");
			return;
		}
		this.users.createUser(new CreateUser("admin", ADMIN_EMAIL, ADMIN_PASSWORD, UserLevel.ADMIN, null));
		this.users.createUser(new CreateUser("operator", USER_EMAIL, USER_PASSWORD, UserLevel.USER, null));
		// a member who signs in through the company's identity provider (the team page
		// shows how each member signs in); no provider is configured in the demo, so she
		// cannot actually sign in
		this.signIns.signIn(new ExternalIdentity("oidc:okta", "00u1demo0dana", "dana", "dana@example.com", true),
				Optional.of(UserLevel.USER), false);
		logger.info("Demo mode: log in as {} / {} (admin) or {} / {} (user)", ADMIN_EMAIL, ADMIN_PASSWORD, USER_EMAIL,
				USER_PASSWORD);
	}

	/**
	 * Addresses at {@code example.com}, which no one receives mail for.
	 */
	void seedSubscribers(List<Long> someComponents) {
		this.subscribers.subscribe("ana@example.com", true, null);
		this.subscribers.subscribe("ben@example.com", true, someComponents);
		this.subscribers.subscribe("cleo@example.com", false, null);
	}

	void seedTemplates() {
		this.templates.createTemplate("Investigating", "investigating",
				"We are investigating reports of problems with {{ name }}. Next update within 30 minutes.");
		this.templates.createTemplate("Resolved", "resolved",
				"{{ name }} is working normally again. Thank you for " + "your patience; a post-mortem will follow.");
	}

}
