@NullMarked
package io.cachet.metric.internal;

import org.jspecify.annotations.NullMarked;
