package io.cachet.upstream;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How followed pages are fetched ({@code cachet.upstreams.*}).
 *
 * @param enabled whether this node polls at all
 * @param minInterval the shortest interval an upstream may have
 * @param concurrency fetches in flight at once
 * @param timeout connect and answer timeout of one request
 * @param tick how often the poller looks for upstreams that are due
 * @param maxPages pages of a Cachet component list followed in one fetch
 * @param maxBytes the largest answer accepted
 */
@ConfigurationProperties("cachet.upstreams")
public record UpstreamProperties(@DefaultValue("true") boolean enabled, @DefaultValue("30s") Duration minInterval,
		@DefaultValue("4") int concurrency, @DefaultValue("10s") Duration timeout, @DefaultValue("1s") Duration tick,
		@DefaultValue("20") int maxPages, @DefaultValue("5242880") int maxBytes) {

}
