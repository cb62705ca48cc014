package io.cachet.monitor;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How monitors run ({@code cachet.monitors.*}).
 *
 * @param enabled whether this node runs checks at all
 * @param concurrency checks in flight at once
 * @param minimumInterval the shortest interval, in seconds, a monitor may have
 * @param trustAllCertificates whether HTTPS and TLS checks accept any certificate
 * (self-signed or private CAs); the expiry is still checked
 */
@ConfigurationProperties("cachet.monitors")
record MonitorProperties(@DefaultValue("true") boolean enabled, @DefaultValue("32") int concurrency,
		@DefaultValue("10") int minimumInterval, @DefaultValue("false") boolean trustAllCertificates) {

}
