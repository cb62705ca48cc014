/**
 * Incidents, their updates, the components they affect, and incident templates.
 */
@NullMarked
package io.cachet.incident;

import org.jspecify.annotations.NullMarked;
