package io.cachet.api;

import io.cachet.metric.MetricService;

/**
 * {@link MetricService}'s limits as constants that annotations can name; a test keeps
 * them equal.
 */
final class MetricLimits {

	static final String DEFAULT_VALUE = "10000000";

	static final String POINT_VALUE = "1000000000000";

	private MetricLimits() {
	}

}
