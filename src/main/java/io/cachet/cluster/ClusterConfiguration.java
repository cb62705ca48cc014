package io.cachet.cluster;

import java.util.Optional;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.redis.spring.RedisLockProvider;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/**
 * The cluster beans: Redis-backed in cluster mode, single-node stand-ins otherwise.
 */
@Configuration(proxyBeanMethods = false)
class ClusterConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "cachet.cluster.enabled", havingValue = "true")
	static class RedisCluster {

		@Bean
		LockProvider redisLockProvider(RedisConnectionFactory redis) {
			return new RedisLockProvider(redis, "cachet");
		}

		@Bean
		RedisMessageListenerContainer cachetMessageListenerContainer(RedisConnectionFactory redis) {
			RedisMessageListenerContainer container = new RedisMessageListenerContainer();
			container.setConnectionFactory(redis);
			return container;
		}

		@Bean
		RateLimits redisRateLimits(RedisConnectionFactory factory, StringRedisTemplate redis, java.time.Clock clock) {
			return new RedisRateLimits(factory, redis, clock);
		}

		@Bean
		ClusterSignals redisClusterSignals(StringRedisTemplate redis, RedisMessageListenerContainer container) {
			return new RedisClusterSignals(redis, container);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "cachet.cluster.enabled", havingValue = "false", matchIfMissing = true)
	static class SingleNode {

		/**
		 * One node: every lock is granted at once.
		 */
		@Bean
		LockProvider singleNodeLockProvider() {
			SimpleLock nothingToRelease = () -> {
			};
			return (configuration) -> Optional.of(nothingToRelease);
		}

		@Bean
		RateLimits localRateLimits(java.time.Clock clock) {
			return RateLimits.inMemory(clock);
		}

		@Bean
		ClusterSignals localClusterSignals() {
			return new ClusterSignals.Local();
		}

	}

}
