package io.cachet.upstream;

import io.cachet.shared.NotFoundException;

public class UpstreamNotFoundException extends NotFoundException {

	private UpstreamNotFoundException(String message) {
		super(message);
	}

	public static UpstreamNotFoundException forId(long id) {
		return new UpstreamNotFoundException("No upstream with id " + id);
	}

	public static UpstreamNotFoundException forComponent(long upstreamId, long componentId) {
		return new UpstreamNotFoundException("Upstream " + upstreamId + " has no component " + componentId);
	}

}
