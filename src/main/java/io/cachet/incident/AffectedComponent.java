package io.cachet.incident;

import io.cachet.component.ComponentStatus;

/**
 * A component an incident affects, with the status the incident gave it.
 */
public record AffectedComponent(long componentId, ComponentStatus status) {

}
