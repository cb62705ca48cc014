package io.cachet.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The v1 API ({@code cachet.api.*}).
 *
 * @param rateLimit requests per client and minute (0: no limit)
 */
@ConfigurationProperties("cachet.api")
record ApiProperties(@DefaultValue("300") int rateLimit) {

}
