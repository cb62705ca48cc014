package io.cachet.cluster;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

import io.cachet.shared.DaemonThreads;

/**
 * Signals over Redis: {@code INCR cachet:version:<topic>} then
 * {@code PUBLISH cachet:changed:<topic>}. Every node also reads the versions every
 * {@value #POLL_SECONDS} seconds and treats a version it has not seen as a change, so
 * that a message lost while a node was reconnecting delays it by at most that.
 */
class RedisClusterSignals implements ClusterSignals, DisposableBean {

	static final int POLL_SECONDS = 2;

	private static final Logger logger = LoggerFactory.getLogger(RedisClusterSignals.class);

	/** Tells this node's own messages from the others'. */
	private final String nodeId = UUID.randomUUID().toString();

	private final StringRedisTemplate redis;

	private final RedisMessageListenerContainer container;

	private final Map<String, List<Runnable>> listeners = new ConcurrentHashMap<>();

	private final Map<String, Long> seen = new ConcurrentHashMap<>();

	private final ScheduledExecutorService poller = Executors
		.newSingleThreadScheduledExecutor(DaemonThreads.named("cachet-cluster-signals"));

	RedisClusterSignals(StringRedisTemplate redis, RedisMessageListenerContainer container) {
		this.redis = redis;
		this.container = container;
		this.poller.scheduleWithFixedDelay(this::poll, POLL_SECONDS, POLL_SECONDS, TimeUnit.SECONDS);
	}

	@Override
	public void changed(String topic) {
		try {
			Long version = this.redis.opsForValue().increment(versionKey(topic));
			if (version != null) {
				this.seen.put(topic, version);
			}
			this.redis.convertAndSend(channel(topic), this.nodeId + ":" + version);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not tell the other nodes that {} changed: {}", topic, ex.getMessage());
		}
	}

	@Override
	public void listen(String topic, Runnable listener) {
		boolean first = !this.listeners.containsKey(topic);
		this.listeners.computeIfAbsent(topic, (t) -> new CopyOnWriteArrayList<>()).add(listener);
		if (first) {
			this.seen.put(topic, currentVersion(topic));
			this.container.addMessageListener((Message message, byte[] pattern) -> {
				String body = new String(message.getBody(), StandardCharsets.UTF_8);
				if (!body.startsWith(this.nodeId + ":")) {
					notice(topic, parseVersion(body));
				}
			}, new ChannelTopic(channel(topic)));
		}
	}

	private void poll() {
		for (String topic : this.listeners.keySet()) {
			try {
				long version = currentVersion(topic);
				Long last = this.seen.get(topic);
				// any other version is news: a Redis restarted without persistence counts
				// from 1 again
				if (last == null || version != last) {
					notice(topic, version);
				}
			}
			catch (RuntimeException ex) {
				logger.debug("Could not read the version of {}: {}", topic, ex.getMessage());
			}
		}
	}

	private void notice(String topic, long version) {
		this.seen.put(topic, version);
		for (Runnable listener : this.listeners.getOrDefault(topic, List.of())) {
			try {
				listener.run();
			}
			catch (RuntimeException ex) {
				logger.warn("Handling a change of {} failed: {}", topic, ex.getMessage());
			}
		}
	}

	private long currentVersion(String topic) {
		String value = this.redis.opsForValue().get(versionKey(topic));
		return (value != null) ? Long.parseLong(value) : 0;
	}

	private static long parseVersion(String body) {
		try {
			return Long.parseLong(body.substring(body.indexOf(':') + 1));
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	private static String versionKey(String topic) {
		return "cachet:version:" + topic;
	}

	private static String channel(String topic) {
		return "cachet:changed:" + topic;
	}

	@Override
	public void destroy() {
		this.poller.shutdownNow();
	}

}
