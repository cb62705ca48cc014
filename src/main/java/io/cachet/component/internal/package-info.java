@NullMarked
package io.cachet.component.internal;

import org.jspecify.annotations.NullMarked;
