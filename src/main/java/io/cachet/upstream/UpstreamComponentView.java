package io.cachet.upstream;

import io.cachet.component.ComponentStatus;

/**
 * One component of a followed page and the component mirroring it on ours.
 *
 * @param id the mirror's own id
 * @param externalId the upstream's id of the component
 * @param name the upstream's name of the component
 * @param componentId our component
 * @param hidden hidden by the owner: our component is disabled
 * @param status our component's current status ({@link ComponentStatus#UNKNOWN} if it was
 * deleted by hand)
 */
public record UpstreamComponentView(long id, String externalId, String name, long componentId, boolean hidden,
		ComponentStatus status) {

}
