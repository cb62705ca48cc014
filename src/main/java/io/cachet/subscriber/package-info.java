/**
 * Subscribers (people who want to hear about incidents) and their per-component
 * subscriptions.
 */
@NullMarked
package io.cachet.subscriber;

import org.jspecify.annotations.NullMarked;
