@NullMarked
package io.cachet.monitor.internal;

import org.jspecify.annotations.NullMarked;
