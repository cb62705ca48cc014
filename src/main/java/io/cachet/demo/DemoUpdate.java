package io.cachet.demo;

import java.time.Duration;

import io.cachet.incident.IncidentStatus;

/**
 * One update of a demo incident: its status, what it says and how long after the incident
 * started it was written.
 */
record DemoUpdate(IncidentStatus status, String message, Duration after) {

}
