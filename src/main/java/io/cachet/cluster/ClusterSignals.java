package io.cachet.cluster;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Tells the other nodes that something they keep in memory changed. Each topic has a
 * version: {@link #changed} raises it and broadcasts it; {@link #listen} is called on
 * every node (this one included) when it changes, whether it learns so from the message
 * or, if the message was missed, from polling the version.
 */
public interface ClusterSignals {

	/**
	 * Announces a change of {@code topic} to every node.
	 */
	void changed(String topic);

	/**
	 * @param listener run (on a background thread) when another node announces a change
	 */
	void listen(String topic, Runnable listener);

	/**
	 * The single-node signals: there is nobody to tell.
	 */
	final class Local implements ClusterSignals {

		private final Map<String, List<Runnable>> listeners = new ConcurrentHashMap<>();

		@Override
		public void changed(String topic) {
			// one node: its own listeners were told by the change itself
		}

		@Override
		public void listen(String topic, Runnable listener) {
			this.listeners.computeIfAbsent(topic, (t) -> new CopyOnWriteArrayList<>()).add(listener);
		}

	}

}
