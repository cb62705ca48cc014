package io.cachet.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How notifications are delivered ({@code cachet.notifications.*}).
 *
 * @param enabled whether this node sends at all (the outbox is written regardless)
 * @param concurrency messages or webhook calls in flight at once
 * @param batchSize e-mails sent over one SMTP connection
 * @param pollInterval how often the worker looks for work when it was not woken
 * @param retryBase the wait after the first failure; it doubles with every further one
 * @param maxAttempts attempts before a delivery counts as failed
 * @param webhookTimeout how long a webhook call may take
 * @param maintenanceCheck how often maintenance windows are checked for a start or end
 * @param retention how long sent notifications and their delivery log are kept
 * @param claimLease in a cluster, how long deliveries a node took stay its own without
 * its renewing them (it renews them every third of this while it runs): a node that dies
 * while sending has its deliveries taken over by another within about 1⅓ leases
 */
@ConfigurationProperties("cachet.notifications")
public record NotificationProperties(@DefaultValue("true") boolean enabled, @DefaultValue("8") int concurrency,
		@DefaultValue("100") int batchSize, @DefaultValue("1s") Duration pollInterval,
		@DefaultValue("30s") Duration retryBase, @DefaultValue("8") int maxAttempts,
		@DefaultValue("10s") Duration webhookTimeout, @DefaultValue("10s") Duration maintenanceCheck,
		@DefaultValue("30d") Duration retention, @DefaultValue("30s") Duration claimLease) {

	/**
	 * @return the wait before attempt {@code failedAttempts + 1}
	 */
	public Duration backOff(int failedAttempts) {
		return this.retryBase.multipliedBy(1L << Math.min(20, Math.max(0, failedAttempts - 1)));
	}

}
