@NullMarked
package io.cachet.notification.internal;

import org.jspecify.annotations.NullMarked;
