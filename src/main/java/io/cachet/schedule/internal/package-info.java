@NullMarked
package io.cachet.schedule.internal;

import org.jspecify.annotations.NullMarked;
