package io.cachet.incident.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import io.cachet.shared.InvalidInputException;

/**
 * The threads templates are parsed and rendered on, so that the request thread stays safe
 * whatever a template does:
 * <ul>
 * <li>a small stack ({@value #STACK_BYTES} bytes), so that a template nested deeper than
 * the source check foresaw overflows fast, and the {@link StackOverflowError} is caught
 * here, where nothing but the template's own work was on the stack;</li>
 * <li>at most {@value #THREADS} renders at once on the two-core machines this runs on, a
 * few more waiting, and the rest refused, so that templates cannot take every CPU;</li>
 * <li>the caller waits {@link TemplateBudget#TIME_LIMIT_MILLIS} plus a grace period at
 * most, then cancels the render (which stops at its next step) and answers.</li>
 * </ul>
 */
final class TemplateWorkers implements AutoCloseable {

	static final int THREADS = 2;

	static final long STACK_BYTES = 512 * 1024;

	private static final long GRACE_MILLIS = 300;

	private final ThreadPoolExecutor executor = new ThreadPoolExecutor(THREADS, THREADS, 0, TimeUnit.MILLISECONDS,
			new ArrayBlockingQueue<>(32), smallStacks());

	/**
	 * Runs the work with a fresh budget on a template thread.
	 * @throws InvalidInputException when the work breaks a limit of the sandbox
	 * (overflows its stack, takes too long…), or too many renders are waiting; other
	 * exceptions of the work unchanged
	 */
	<T> T run(Callable<T> work) {
		TemplateBudget budget = new TemplateBudget();
		Future<T> result;
		try {
			result = this.executor.submit(() -> {
				budget.enter();
				try {
					return work.call();
				}
				catch (StackOverflowError ex) {
					throw new TemplateRefusedException("The template is nested too deeply.");
				}
				finally {
					budget.leave();
				}
			});
		}
		catch (RejectedExecutionException ex) {
			throw new InvalidInputException("Too many templates are being rendered at the moment; try again.");
		}
		try {
			return result.get(TemplateBudget.TIME_LIMIT_MILLIS + GRACE_MILLIS, TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			budget.cancel();
			result.cancel(true);
			throw new InvalidInputException(TemplateBudget.tooSlow().getMessage());
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof TemplateRefusedException refused) {
				throw new InvalidInputException(refused.getMessage());
			}
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException("A template render failed", ex.getCause());
		}
		catch (InterruptedException ex) {
			budget.cancel();
			result.cancel(true);
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while a template was rendered", ex);
		}
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

	private static ThreadFactory smallStacks() {
		AtomicInteger count = new AtomicInteger();
		return (task) -> {
			Thread thread = new Thread(null, task, "template-" + count.incrementAndGet(), STACK_BYTES);
			thread.setDaemon(true);
			return thread;
		};
	}

}
