package io.cachet.user.internal;

import java.util.Objects;

import jakarta.validation.ConstraintViolationException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

import io.cachet.user.CreateUser;
import io.cachet.user.CreatedUser;
import io.cachet.user.DuplicateUserException;
import io.cachet.user.UserLevel;
import io.cachet.user.UserService;

/**
 * Creates the admin from the environment on an unattended first run: only when no user
 * exists at all, so existing users are never overwritten. A generated API token is logged
 * once, since it cannot be read back later; a token given in the environment is never
 * logged.
 */
@Component
@Order(0)
class FirstRunAdminInitializer implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstRunAdminInitializer.class);

	private final AdminAccountProperties admin;

	private final UserService userService;

	FirstRunAdminInitializer(AdminAccountProperties admin, UserService userService) {
		this.admin = admin;
		this.userService = userService;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.admin.isConfigured() || this.userService.hasUsers()) {
			return;
		}
		CreateUser command = new CreateUser(Objects.requireNonNull(this.admin.username()),
				Objects.requireNonNull(this.admin.email()), Objects.requireNonNull(this.admin.password()),
				UserLevel.ADMIN, this.admin.apiTokenOrNull());
		try {
			CreatedUser created = this.userService.createUser(command);
			if (this.admin.apiTokenOrNull() == null) {
				log.info("Created the admin user '{}' from the environment. Its API token, shown only this once: {}",
						created.user().username(), created.apiToken());
			}
			else {
				log.info("Created the admin user '{}' from the environment, with the API token given there.",
						created.user().username());
			}
		}
		catch (ConstraintViolationException ex) {
			throw new IllegalStateException("The CACHET_ADMIN_* settings are invalid: " + ex.getMessage(), ex);
		}
		catch (DuplicateUserException | DataIntegrityViolationException ex) {
			// Another node of a cluster created the first user at the same moment.
			log.info("Not creating the admin user from the environment: a user exists already.");
		}
	}

}
