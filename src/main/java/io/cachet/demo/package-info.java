/**
 * Demo mode ({@code CACHET_DEMO=true}): a realistic status page seeded on an empty
 * database, so a first run shows what the product does.
 */
@NullMarked
package io.cachet.demo;

import org.jspecify.annotations.NullMarked;
