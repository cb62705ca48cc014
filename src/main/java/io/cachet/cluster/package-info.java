/**
 * Running as several identical nodes: cluster mode is on when Redis is configured
 * ({@code SPRING_DATA_REDIS_HOST}); without it everything here does the single-node
 * thing.
 * <ul>
 * <li>Locks: scheduled work that must run once per cluster takes a ShedLock lock in Redis
 * first ({@code @SchedulerLock} on the {@code @Scheduled} method, or ShedLock's
 * {@code LockingTaskExecutor} for a lock per item); single node: always granted. See
 * {@link ClusterConfiguration}.</li>
 * <li>{@link ClusterSignals}: "something changed" messages over Redis pub/sub, with a
 * version counter in Redis that nodes also poll, so a missed message is noticed within
 * seconds.</li>
 * <li>{@link RateLimits}: Bucket4j token buckets for the login, subscribe and API limits,
 * in Redis (Lettuce proxy manager) so that every node takes from the same bucket (single
 * node: a bounded Caffeine cache).</li>
 * <li>Sessions are kept in Redis by Spring Session (its auto-configuration is only active
 * in cluster mode).</li>
 * </ul>
 */
@ApplicationModule(allowedDependencies = { "shared" })
@NullMarked
package io.cachet.cluster;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
