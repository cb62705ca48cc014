package io.cachet.cluster;

import java.util.Optional;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.redis.spring.RedisLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The cluster beans: Redis-backed in cluster mode, single-node stand-ins otherwise.
 * <p>
 * Periodic jobs are {@code @Scheduled} methods on Boot's task scheduler (it stops
 * triggering them when the context starts closing, before the database goes away), and
 * those that run once per cluster carry ShedLock's {@code @SchedulerLock}. Jobs whose
 * lock depends on the item (one lock per upstream or monitor, held for its own interval)
 * take it through the {@link LockingTaskExecutor} instead. A lock is held for at least
 * its {@code lockAtLeastFor} (so that the other nodes, ticking a little later, do not run
 * the same work again in the same period) and at most its {@code lockAtMostFor} (so that
 * a node that dies holding it blocks the work no longer than that).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class ClusterConfiguration {

	@Bean
	LockingTaskExecutor lockingTaskExecutor(LockProvider locks) {
		return new DefaultLockingTaskExecutor(locks);
	}

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
