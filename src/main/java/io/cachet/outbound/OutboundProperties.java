package io.cachet.outbound;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The outbound policy's allow-list from the environment ({@code cachet.outbound.*}).
 *
 * @param allow hosts and CIDR ranges, comma-separated, that may be called all the same
 * ({@code CACHET_OUTBOUND_ALLOW})
 */
@ConfigurationProperties("cachet.outbound")
record OutboundProperties(@DefaultValue("") String allow) {

}
