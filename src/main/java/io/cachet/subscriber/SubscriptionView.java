package io.cachet.subscriber;

import java.time.Instant;

public record SubscriptionView(long id, long subscriberId, long componentId, Instant createdAt, Instant updatedAt) {

}
