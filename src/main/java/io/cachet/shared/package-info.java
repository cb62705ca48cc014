/**
 * The few types every feature module shares: list queries with paging, and the not-found
 * exception the inbound adapters map to 404.
 */
@NullMarked
package io.cachet.shared;

import org.jspecify.annotations.NullMarked;
