package io.cachet.statuspage;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The last good {@link StatusPageSnapshot} and everything rendered from it. A new
 * snapshot replaces the renderings at once; a failed rebuild keeps them and marks them
 * stale, so the page stays up (and says it may be out of date) while the database is
 * away.
 */
@Component
public class StatusPageCache {

	/**
	 * Past this many renderings (incident pages, timeline pages...), new ones are not
	 * kept.
	 */
	private static final int MAX_ENTRIES = 2_000;

	private volatile @Nullable State state;

	private final ConcurrentHashMap<String, Rendering> rendered = new ConcurrentHashMap<>();

	private final StatusPageMetrics metrics;

	StatusPageCache(StatusPageMetrics metrics) {
		this.metrics = metrics;
	}

	/**
	 * @param version increases with every new snapshot or change of staleness
	 * @param stale the last rebuild failed: the snapshot may be out of date
	 */
	public record State(StatusPageSnapshot snapshot, boolean stale, long version) {
	}

	public Optional<State> current() {
		return Optional.ofNullable(this.state);
	}

	/**
	 * @return the rendering under {@code key} for the given state, rendered now if it is
	 * not there yet; concurrent requests for the same key wait for one rendering instead
	 * of each rendering it (a spike right after a change must not render the page 64
	 * times)
	 */
	public RenderedResource get(State state, String key, Function<State, RenderedResource> renderer) {
		String versionedKey = state.version() + ":" + key;
		Rendering rendering = this.rendered.get(versionedKey);
		if (rendering != null) {
			RenderedResource found = rendering.value;
			if (found != null) {
				this.metrics.hit();
				return found;
			}
		}
		this.metrics.miss();
		if (rendering == null) {
			if (this.rendered.size() >= MAX_ENTRIES) {
				return render(state, renderer);
			}
			rendering = this.rendered.computeIfAbsent(versionedKey, (k) -> new Rendering());
		}
		return rendering.get(() -> render(state, renderer));
	}

	private RenderedResource render(State state, Function<State, RenderedResource> renderer) {
		this.metrics.rendered();
		return renderer.apply(state);
	}

	/**
	 * @return the state that a new snapshot will be, not yet served: the caller renders
	 * the busiest resources for it, then {@link #install installs} it, so that requests
	 * never find an empty cache after a rebuild
	 */
	synchronized State next(StatusPageSnapshot snapshot, boolean stale) {
		return new State(snapshot, stale, nextVersion());
	}

	/**
	 * @return the state that marks the current snapshot stale, or empty when there is no
	 * snapshot or it is stale already
	 */
	synchronized Optional<State> nextStale() {
		State current = this.state;
		if (current == null || current.stale()) {
			return Optional.empty();
		}
		return Optional.of(next(current.snapshot(), true));
	}

	synchronized void install(State next) {
		State current = this.state;
		if (current != null && current.version() >= next.version()) {
			return;
		}
		this.state = next;
		String prefix = next.version() + ":";
		this.rendered.keySet().removeIf((key) -> !key.startsWith(prefix));
	}

	private long reserved;

	private long nextVersion() {
		State current = this.state;
		this.reserved = Math.max(this.reserved, (current != null) ? current.version() : 0) + 1;
		return this.reserved;
	}

	/**
	 * One resource rendered at most once.
	 */
	private static final class Rendering {

		private volatile @Nullable RenderedResource value;

		RenderedResource get(java.util.function.Supplier<RenderedResource> render) {
			RenderedResource found = this.value;
			if (found != null) {
				return found;
			}
			synchronized (this) {
				if (this.value == null) {
					this.value = render.get();
				}
				return this.value;
			}
		}

	}

}
