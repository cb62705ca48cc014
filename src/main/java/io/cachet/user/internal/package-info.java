@NullMarked
package io.cachet.user.internal;

import org.jspecify.annotations.NullMarked;
