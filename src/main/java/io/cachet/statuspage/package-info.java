/**
 * The public status page, served from memory: a
 * {@link io.cachet.statuspage.StatusPageSnapshot} assembled from parts read on their own
 * ({@link io.cachet.statuspage.StatusPageParts}), so a change re-reads only the parts it
 * touches ({@link io.cachet.statuspage.StatusPageRefresher}) and re-renders only the
 * fragments whose content changed ({@link io.cachet.statuspage.PageFragments}).
 * Read-your-writes for the writer: a web request that changed what the page shows answers
 * once this node's page shows it, at most 2 s later
 * ({@link io.cachet.statuspage.ReadYourWrites}).
 */
@ApplicationModule(allowedDependencies = { "audit", "cluster", "component", "incident", "metric", "schedule",
		"settings", "shared", "subscriber" })
@NullMarked
package io.cachet.statuspage;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
