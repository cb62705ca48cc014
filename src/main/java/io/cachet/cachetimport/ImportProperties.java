package io.cachet.cachetimport;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a Cachet installation is read ({@code cachet.import.*}).
 *
 * @param perPage items asked for per page
 * @param maxPages pages followed per list at most
 * @param timeout how long one request may take
 */
@ConfigurationProperties("cachet.import")
record ImportProperties(@DefaultValue("100") int perPage, @DefaultValue("1000") int maxPages,
		@DefaultValue("30s") Duration timeout) {

}
