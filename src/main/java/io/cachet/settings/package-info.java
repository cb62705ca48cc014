/**
 * The status page's settings: Cachet's key/value table, read through a cache.
 */
@NullMarked
package io.cachet.settings;

import org.jspecify.annotations.NullMarked;
