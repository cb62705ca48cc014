package io.cachet.shared;

import java.util.function.Supplier;

/**
 * Marks writes that must reach nobody: an import of another status page's history writes
 * through the ordinary services, and their events must not e-mail subscribers or call
 * webhooks. The mark holds for the current thread while the work runs (the events are
 * handled synchronously, in the writing thread).
 */
public final class SilentWrites {

	private static final ThreadLocal<Boolean> ACTIVE = ThreadLocal.withInitial(() -> false);

	private SilentWrites() {
	}

	/**
	 * Runs the work with notifications suppressed.
	 * @return what the work returns
	 */
	public static <T> T call(Supplier<T> work) {
		boolean outer = ACTIVE.get();
		ACTIVE.set(true);
		try {
			return work.get();
		}
		finally {
			ACTIVE.set(outer);
		}
	}

	/**
	 * @return whether the current thread writes silently
	 */
	public static boolean active() {
		return ACTIVE.get();
	}

}
