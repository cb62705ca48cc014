package io.cachet.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;

import io.cachet.settings.SettingsService;
import io.cachet.user.CreateUser;
import io.cachet.user.UserLevel;
import io.cachet.user.UserService;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Saves the setup wizard in one transaction: the page's settings and the first admin, or
 * nothing.
 *
 * <p>
 * Two setups at once must not make two admins. The check ("no user yet") and the writes
 * run in one transaction, and that transaction runs inside a lock taken before it begins
 * and released after it has committed or rolled back, so the second setup's check sees
 * the first one's admin. (A {@code synchronized} {@code @Transactional} method would
 * release its lock before the proxy commits, leaving a window in which a second setup
 * sees no user.) The lock is this node's, then the cluster's ({@link LockProvider}: Redis
 * in cluster mode, granted at once on a single node); a setup that finds the cluster's
 * lock taken is told the setup is being done elsewhere.
 */
@Service
class SetupService {

	private static final Duration CLUSTER_LOCK_AT_MOST = Duration.ofMinutes(1);

	private final SettingsService settings;

	private final UserService users;

	private final TransactionTemplate transaction;

	private final LockProvider clusterLocks;

	private final ReentrantLock nodeLock = new ReentrantLock();

	SetupService(SettingsService settings, UserService users, TransactionTemplate transaction,
			LockProvider clusterLocks) {
		this.settings = settings;
		this.users = users;
		this.transaction = transaction;
		this.clusterLocks = clusterLocks;
	}

	/**
	 * @return {@code false} when a user exists already (the setup was done meanwhile), or
	 * another node is doing the setup right now
	 */
	boolean complete(SetupForm form) {
		this.nodeLock.lock();
		try {
			Optional<SimpleLock> clusterLock = this.clusterLocks
				.lock(new LockConfiguration(Instant.now(), "first-run-setup", CLUSTER_LOCK_AT_MOST, Duration.ZERO));
			if (clusterLock.isEmpty()) {
				return false;
			}
			try {
				return Boolean.TRUE.equals(this.transaction.execute((status) -> completeInTransaction(form)));
			}
			finally {
				clusterLock.get().unlock();
			}
		}
		finally {
			this.nodeLock.unlock();
		}
	}

	private boolean completeInTransaction(SetupForm form) {
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
