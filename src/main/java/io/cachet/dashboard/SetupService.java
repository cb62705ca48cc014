package io.cachet.dashboard;

import java.util.Objects;

import io.cachet.settings.SettingsService;
import io.cachet.user.CreateUser;
import io.cachet.user.UserLevel;
import io.cachet.user.UserService;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saves the setup wizard in one transaction: the page's settings and the first admin, or
 * nothing.
 */
@Service
class SetupService {

	private final SettingsService settings;

	private final UserService users;

	SetupService(SettingsService settings, UserService users) {
		this.settings = settings;
		this.users = users;
	}

	/**
	 * @return {@code false} when a user exists already (the setup was done meanwhile)
	 */
	@Transactional
	synchronized boolean complete(SetupForm form) {
		if (this.users.hasUsers()) {
			return false;
		}
		this.settings.set("app_name", Objects.requireNonNull(form.appName()).strip());
		this.settings.set("app_domain", Objects.requireNonNull(form.appDomain()).strip());
		this.settings.set("app_timezone", Objects.requireNonNull(form.appTimezone()));
		this.settings.set("app_locale", Objects.requireNonNull(form.appLocale()));
		this.users.createUser(new CreateUser(Objects.requireNonNull(form.username()).strip(),
				Objects.requireNonNull(form.email()).strip(), Objects.requireNonNull(form.password()), UserLevel.ADMIN,
				null));
		return true;
	}

}
