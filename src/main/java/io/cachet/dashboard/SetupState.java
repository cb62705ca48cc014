package io.cachet.dashboard;

import io.cachet.user.UserService;

import org.springframework.stereotype.Component;

/**
 * Whether the first-run setup is done (a user exists). Asked on every page, so it is
 * remembered once true: users are deactivated, never all deleted.
 */
@Component
class SetupState {

	private final UserService users;

	private volatile boolean done;

	SetupState(UserService users) {
		this.users = users;
	}

	boolean isDone() {
		if (!this.done && this.users.hasUsers()) {
			this.done = true;
		}
		return this.done;
	}

}
