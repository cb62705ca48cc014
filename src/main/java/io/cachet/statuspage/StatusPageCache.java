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

	private final ConcurrentHashMap<String, RenderedResource> rendered = new ConcurrentHashMap<>();

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
	 * @return the rendering under {@code key} for the current state, rendered now if it
	 * is not there yet
	 */
	public RenderedResource get(State state, String key, Function<State, RenderedResource> renderer) {
		String versionedKey = state.version() + ":" + key;
		RenderedResource found = this.rendered.get(versionedKey);
		if (found != null) {
			return found;
		}
		RenderedResource fresh = renderer.apply(state);
		if (this.rendered.size() < MAX_ENTRIES && this.state == state) {
			this.rendered.putIfAbsent(versionedKey, fresh);
		}
		return fresh;
	}

	synchronized void replace(StatusPageSnapshot snapshot) {
		install(new State(snapshot, false, nextVersion()));
	}

	/**
	 * @return whether the state changed (it was not stale already)
	 */
	synchronized boolean markStale() {
		State current = this.state;
		if (current == null || current.stale()) {
			return false;
		}
		install(new State(current.snapshot(), true, nextVersion()));
		return true;
	}

	private void install(State next) {
		this.state = next;
		String prefix = next.version() + ":";
		this.rendered.keySet().removeIf((key) -> !key.startsWith(prefix));
	}

	private long nextVersion() {
		State current = this.state;
		return (current != null) ? current.version() + 1 : 1;
	}

}
