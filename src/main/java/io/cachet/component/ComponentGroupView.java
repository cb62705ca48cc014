package io.cachet.component;

import java.time.Instant;

/**
 * A component group.
 *
 * @param collapsed 0 always expanded, 1 collapsed, 2 collapsed unless a component has
 * issues
 * @param visible 1 public, 0 logged-in users only
 */
public record ComponentGroupView(long id, String name, int order, int collapsed, int visible, Instant createdAt,
		Instant updatedAt) {

	public boolean isPublic() {
		return this.visible == 1;
	}

}
