package io.cachet.incident.internal;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What one check or render of a template may spend: wall time, loop iterations,
 * expression evaluations, and the size of any value it builds. The sandbox calls
 * {@link #tick()} at every loop iteration, expression and write, so a render stops within
 * microseconds of running out, on its own thread, without being killed.
 *
 * <p>
 * The size of a value counts the characters of its strings plus one for each element or
 * entry of its lists and maps, walked with the budget itself: a list that holds itself
 * many times over (built from list literals in nested loops) is refused after
 * {@link #MAX_VALUE_SIZE} steps, not after walking it all.
 */
final class TemplateBudget {

	static final long TIME_LIMIT_MILLIS = 1_000;

	static final int MAX_LOOP_ITERATIONS = 10_000;

	static final int MAX_EVALUATIONS = 1_000_000;

	static final int MAX_VALUE_SIZE = 100_000;

	private static final ThreadLocal<TemplateBudget> CURRENT = new ThreadLocal<>();

	private volatile boolean cancelled;

	private long deadline;

	private int iterations;

	private int evaluations;

	/**
	 * @return the budget of the render running on this thread
	 * @throws IllegalStateException outside a sandboxed render
	 */
	static TemplateBudget current() {
		TemplateBudget budget = CURRENT.get();
		if (budget == null) {
			throw new IllegalStateException("No template render is running on this thread");
		}
		return budget;
	}

	void enter() {
		this.deadline = System.nanoTime() + TIME_LIMIT_MILLIS * 1_000_000;
		CURRENT.set(this);
	}

	void leave() {
		CURRENT.remove();
	}

	/** Asks a render that outlived its caller's patience to stop at its next step. */
	void cancel() {
		this.cancelled = true;
	}

	void tick() {
		if (++this.evaluations > MAX_EVALUATIONS) {
			throw new TemplateRefusedException(
					"The template does too much work (more than " + MAX_EVALUATIONS + " steps).");
		}
		if (this.cancelled || System.nanoTime() > this.deadline) {
			throw tooSlow();
		}
	}

	void iterate() {
		if (++this.iterations > MAX_LOOP_ITERATIONS) {
			throw new TemplateRefusedException(
					"The template's loops run too often (more than " + MAX_LOOP_ITERATIONS + " iterations in all).");
		}
		tick();
	}

	static TemplateRefusedException tooSlow() {
		return new TemplateRefusedException(
				"The template takes too long to render (more than " + TIME_LIMIT_MILLIS + " ms).");
	}

	/**
	 * @throws TemplateRefusedException when the value is larger than
	 * {@link #MAX_VALUE_SIZE}
	 */
	static void checkSize(@Nullable Object value, String what) {
		long left = MAX_VALUE_SIZE;
		Deque<Object> pending = new ArrayDeque<>();
		if (value != null) {
			pending.push(value);
		}
		while (!pending.isEmpty()) {
			Object next = pending.pop();
			if (next instanceof CharSequence text) {
				left -= text.length();
			}
			else if (next instanceof Collection<?> items) {
				left -= 1 + items.size();
				if (left >= 0) {
					items.forEach((item) -> push(pending, item));
				}
			}
			else if (next instanceof Map<?, ?> entries) {
				left -= 1 + entries.size();
				if (left >= 0) {
					entries.forEach((key, item) -> {
						push(pending, key);
						push(pending, item);
					});
				}
			}
			else if (next instanceof Object[] items) {
				left -= 1 + items.length;
				if (left >= 0) {
					for (Object item : items) {
						push(pending, item);
					}
				}
			}
			else {
				left -= 1;
			}
			if (left < 0) {
				throw tooLarge(what);
			}
		}
	}

	static TemplateRefusedException tooLarge(String what) {
		return new TemplateRefusedException(
				"Too large: " + what + " (more than " + MAX_VALUE_SIZE + " characters and items in all).");
	}

	private static void push(Deque<Object> pending, @Nullable Object item) {
		if (item != null) {
			pending.push(item);
		}
	}

}
