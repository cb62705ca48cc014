package io.cachet.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;

import org.springframework.stereotype.Component;

/**
 * Runs a piece of scheduled work on one node of the cluster at a time, with ShedLock. A
 * lock is held for at least {@code atLeastFor} (so that the other nodes, ticking a little
 * later, do not run the same work again in the same period) and at most {@code atMostFor}
 * (so that a node that dies holding it blocks the work no longer than that: another node
 * takes it over then).
 */
@Component
public class ClusterLocks {

	private final LockProvider locks;

	ClusterLocks(LockProvider locks) {
		this.locks = locks;
	}

	/**
	 * @return whether this node ran the task (false: another node holds the lock)
	 */
	public boolean runExclusively(String name, Duration atMostFor, Duration atLeastFor, Runnable task) {
		Optional<SimpleLock> lock = this.locks.lock(new LockConfiguration(Instant.now(), name, atMostFor, atLeastFor));
		if (lock.isEmpty()) {
			return false;
		}
		try {
			task.run();
		}
		finally {
			lock.get().unlock();
		}
		return true;
	}

}
