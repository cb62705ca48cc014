@NullMarked
package io.cachet.incident.internal;

import org.jspecify.annotations.NullMarked;
