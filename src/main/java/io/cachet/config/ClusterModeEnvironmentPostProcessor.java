package io.cachet.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Cluster mode switches on when Redis is configured with the standard variables
 * ({@code SPRING_DATA_REDIS_HOST} or {@code SPRING_DATA_REDIS_URL}): then sessions live
 * in Redis (Spring Session), page caches are invalidated across nodes and scheduled work
 * is locked cluster-wide. Without Redis, the Redis and Spring Session auto-configurations
 * are left out, so a single node never tries to reach a Redis server it was not given,
 * and {@code cachet.cluster.enabled} is false.
 */
class ClusterModeEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String CLUSTER_ENABLED = "cachet.cluster.enabled";

	private static final List<String> REDIS_AUTO_CONFIGURATIONS = List.of(
			"org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.health.DataRedisHealthContributorAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.health.DataRedisReactiveHealthContributorAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.observation.LettuceObservationAutoConfiguration",
			"org.springframework.boot.session.data.redis.autoconfigure.SessionDataRedisAutoConfiguration",
			"org.springframework.boot.session.autoconfigure.SessionAutoConfiguration",
			"org.springframework.boot.session.autoconfigure.SessionsEndpointAutoConfiguration");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		boolean redis = StringUtils.hasText(environment.getProperty("spring.data.redis.host"))
				|| StringUtils.hasText(environment.getProperty("spring.data.redis.url"));
		Map<String, Object> properties = new java.util.HashMap<>();
		properties.put(CLUSTER_ENABLED, String.valueOf(redis));
		// our repositories are JDBC ones, never Redis ones
		properties.put("spring.data.redis.repositories.enabled", "false");
		if (!redis) {
			List<String> excluded = new ArrayList<>(REDIS_AUTO_CONFIGURATIONS);
			String configured = environment.getProperty("spring.autoconfigure.exclude");
			if (StringUtils.hasText(configured)) {
				excluded.addAll(StringUtils.commaDelimitedListToSet(configured));
			}
			properties.put("spring.autoconfigure.exclude", String.join(",", excluded));
		}
		environment.getPropertySources().addFirst(new MapPropertySource("cachetClusterMode", properties));
	}

}
