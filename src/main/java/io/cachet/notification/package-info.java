/**
 * Telling people: subscribers by e-mail, webhooks (our own JSON, Slack, Discord,
 * Microsoft Teams).
 * <p>
 * Delivery is durable. A change writes a row to the {@code notifications} outbox in its
 * own transaction ({@link NotificationTriggers}); nothing more happens in the request.
 * The {@link DeliveryWorker} then fans each notification out, in one statement, into one
 * {@code deliveries} row per recipient (a unique key per notification and recipient makes
 * a second fan-out impossible), and sends the queued deliveries in the background with
 * bounded concurrency, retrying failures with exponential back-off. A restart picks up
 * where the last run stopped: each delivery is recorded as sent the moment the server has
 * taken it, so only the messages being handed to the server at the moment of a hard crash
 * (one per sender thread) can go out twice, and they carry the same {@code Message-ID}.
 * Claims carry the node's stable id ({@link io.cachet.notification.NodeIdentity}) and, in
 * a cluster, a lease the node renews while it runs; see {@link DeliveryWorker}.
 */
@ApplicationModule(allowedDependencies = { "audit", "cluster", "component", "crypto", "incident", "mail", "outbound",
		"schedule", "settings", "shared", "subscriber" })
@NullMarked
package io.cachet.notification;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
