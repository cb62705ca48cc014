package io.cachet.statuspage;

import java.util.Optional;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The last good {@link StatusPageSnapshot} and everything rendered from it. A new
 * snapshot replaces the renderings at once; a failed rebuild keeps them and marks them
 * stale, so the page stays up (and says it may be out of date) while the database is
 * away.
 * <p>
 * The renderings are kept in a Caffeine cache bounded to {@value #MAX_ENTRIES} entries.
 * Its admission policy (W-TinyLFU) keeps what is asked for often, so a flood of made-up
 * addresses cannot push the page out; only successful renderings are kept, so ids that do
 * not exist and a database that is away leave nothing behind; the callers normalise the
 * keys (a known filter, an aligned date).
 */
@Component
class StatusPageCache {

	/**
	 * Renderings kept at most (incident pages, timeline pages...), all languages.
	 */
	static final int MAX_ENTRIES = 2_000;

	private volatile @Nullable State state;

	private final Cache<String, Rendering> rendered = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).build();

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
		return get(state, key, renderer, false);
	}

	/**
	 * Like {@link #get}, but the rendering is kept whatever its status: for a resource
	 * that many addresses share, such as the not-found page.
	 */
	RenderedResource getShared(State state, String key, Function<State, RenderedResource> renderer) {
		return get(state, key, renderer, true);
	}

	private RenderedResource get(State state, String key, Function<State, RenderedResource> renderer, boolean keepAny) {
		String versionedKey = state.version() + ":" + key;
		Rendering rendering = this.rendered.getIfPresent(versionedKey);
		if (rendering != null) {
			RenderedResource found = rendering.value;
			if (found != null) {
				this.metrics.hit();
				return found;
			}
		}
		this.metrics.miss();
		if (rendering == null) {
			rendering = this.rendered.get(versionedKey, (k) -> new Rendering());
		}
		RenderedResource resource = rendering.get(() -> render(state, renderer));
		if (!keepAny && resource.status() != 200) {
			// a not-found or an unavailable page is rendered again each time
			this.rendered.asMap().remove(versionedKey, rendering);
		}
		return resource;
	}

	/**
	 * @return the number of renderings kept
	 */
	long size() {
		this.rendered.cleanUp();
		return this.rendered.estimatedSize();
	}

	/**
	 * @return whether the rendering under {@code key} is kept for the current state
	 */
	boolean isCached(String key) {
		State current = this.state;
		if (current == null) {
			return false;
		}
		Rendering rendering = this.rendered.getIfPresent(current.version() + ":" + key);
		return rendering != null && rendering.value != null;
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
		this.rendered.asMap().keySet().removeIf((key) -> !key.startsWith(prefix));
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
