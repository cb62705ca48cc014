/**
 * Components (the parts of the service whose status the page shows), component groups and
 * tags.
 */
@NullMarked
package io.cachet.component;

import org.jspecify.annotations.NullMarked;
