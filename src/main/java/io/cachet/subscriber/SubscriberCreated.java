package io.cachet.subscriber;

/**
 * A new subscriber signed up; an unverified one is to be sent the verification e-mail.
 *
 * @param silent the write reaches nobody ({@link io.cachet.shared.WriteMode#SILENT}): no
 * verification e-mail
 */
public record SubscriberCreated(long subscriberId, String email, boolean verified, boolean silent) {

}
