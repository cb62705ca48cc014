package io.cachet.subscriber;

/**
 * Someone asked, on the public page, for the link to manage a subscription that exists
 * already; it is e-mailed to the address (never shown), so nobody learns who subscribed.
 *
 * @param requestId tells one request from the next, so each gets its own e-mail exactly
 * once
 */
public record ManageLinkRequested(long subscriberId, String requestId) {

}
