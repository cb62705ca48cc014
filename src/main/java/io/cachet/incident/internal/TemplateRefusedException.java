package io.cachet.incident.internal;

/**
 * A template broke one of the sandbox's limits while it was checked or rendered. The
 * message names the limit and is safe to show to the template's author.
 */
final class TemplateRefusedException extends RuntimeException {

	TemplateRefusedException(String message) {
		super(message, null, false, false);
	}

}
