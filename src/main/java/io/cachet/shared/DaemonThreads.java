package io.cachet.shared;

import java.util.concurrent.ThreadFactory;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Threads for the background work (senders, schedulers, pollers): daemons, so that they
 * never keep the JVM alive on their own, named {@code <prefix><n>} for thread dumps.
 */
public final class DaemonThreads {

	private DaemonThreads() {
	}

	public static ThreadFactory named(String prefix) {
		CustomizableThreadFactory factory = new CustomizableThreadFactory(prefix.endsWith("-") ? prefix : prefix + "-");
		factory.setDaemon(true);
		return factory;
	}

}
