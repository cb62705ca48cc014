/**
 * Scheduled maintenance (Cachet's "schedules") and the components it affects.
 */
@NullMarked
package io.cachet.schedule;

import org.jspecify.annotations.NullMarked;
