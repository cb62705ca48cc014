package io.cachet.ops;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Prometheus endpoint ({@code cachet.metrics.*}).
 *
 * @param token the bearer token a scraper sends (blank: the endpoint is closed)
 */
@ConfigurationProperties("cachet.metrics")
record MetricsProperties(@DefaultValue("") String token) {

}
