package io.cachet.metric;

import io.cachet.shared.NotFoundException;

public class MetricNotFoundException extends NotFoundException {

	private MetricNotFoundException(String message) {
		super(message);
	}

	public static MetricNotFoundException forId(long id) {
		return new MetricNotFoundException("No metric with id " + id);
	}

	public static MetricNotFoundException forPoint(long metricId, long pointId) {
		return new MetricNotFoundException("No point " + pointId + " of metric " + metricId);
	}

}
