package io.cachet.component;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Command to create a component; validated by the caller's channel (API or form).
 *
 * @param tags tag names; their slugs are derived
 */
public record CreateComponent(String name, @Nullable String description, @Nullable String link, ComponentStatus status,
		int order, long groupId, boolean enabled, @Nullable Map<String, Object> meta, List<String> tags) {

	/**
	 * An enabled component outside any group, at order 0, with no description, link, meta
	 * or tags; the {@code with…} methods set the rest.
	 */
	public static CreateComponent named(String name, ComponentStatus status) {
		return new CreateComponent(name, null, null, status, 0, 0, true, null, List.of());
	}

	public CreateComponent withDescription(@Nullable String description) {
		return new CreateComponent(this.name, description, this.link, this.status, this.order, this.groupId,
				this.enabled, this.meta, this.tags);
	}

	public CreateComponent withLink(@Nullable String link) {
		return new CreateComponent(this.name, this.description, link, this.status, this.order, this.groupId,
				this.enabled, this.meta, this.tags);
	}

	public CreateComponent withOrder(int order) {
		return new CreateComponent(this.name, this.description, this.link, this.status, order, this.groupId,
				this.enabled, this.meta, this.tags);
	}

	public CreateComponent withGroupId(long groupId) {
		return new CreateComponent(this.name, this.description, this.link, this.status, this.order, groupId,
				this.enabled, this.meta, this.tags);
	}

	public CreateComponent withEnabled(boolean enabled) {
		return new CreateComponent(this.name, this.description, this.link, this.status, this.order, this.groupId,
				enabled, this.meta, this.tags);
	}

	public CreateComponent withMeta(@Nullable Map<String, Object> meta) {
		return new CreateComponent(this.name, this.description, this.link, this.status, this.order, this.groupId,
				this.enabled, meta, this.tags);
	}

	public CreateComponent withTags(List<String> tags) {
		return new CreateComponent(this.name, this.description, this.link, this.status, this.order, this.groupId,
				this.enabled, this.meta, tags);
	}

}
