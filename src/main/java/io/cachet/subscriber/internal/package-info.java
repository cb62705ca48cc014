@NullMarked
package io.cachet.subscriber.internal;

import org.jspecify.annotations.NullMarked;
