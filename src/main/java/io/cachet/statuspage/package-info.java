/**
 * The public status page's model: the overall status banner and, later, the page
 * assembled from the other modules.
 */
@NullMarked
package io.cachet.statuspage;

import org.jspecify.annotations.NullMarked;
