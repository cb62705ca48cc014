package io.cachet.component;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Command to change a component: a {@code null} field is left unchanged.
 *
 * @param silent when the status changes, do not notify the component's subscribers
 */
public record UpdateComponent(@Nullable String name, @Nullable String description, @Nullable String link,
		@Nullable ComponentStatus status, @Nullable Integer order, @Nullable Long groupId, @Nullable Boolean enabled,
		@Nullable Map<String, Object> meta, @Nullable List<String> tags, boolean silent) {

	private static final UpdateComponent NOTHING = new UpdateComponent(null, null, null, null, null, null, null, null,
			null, false);

	/**
	 * A change of nothing yet; the {@code with…} methods name what changes.
	 */
	public static UpdateComponent change() {
		return NOTHING;
	}

	public UpdateComponent withName(@Nullable String name) {
		return new UpdateComponent(name, this.description, this.link, this.status, this.order, this.groupId,
				this.enabled, this.meta, this.tags, this.silent);
	}

	public UpdateComponent withDescription(@Nullable String description) {
		return new UpdateComponent(this.name, description, this.link, this.status, this.order, this.groupId,
				this.enabled, this.meta, this.tags, this.silent);
	}

	public UpdateComponent withLink(@Nullable String link) {
		return new UpdateComponent(this.name, this.description, link, this.status, this.order, this.groupId,
				this.enabled, this.meta, this.tags, this.silent);
	}

	public UpdateComponent withStatus(@Nullable ComponentStatus status) {
		return new UpdateComponent(this.name, this.description, this.link, status, this.order, this.groupId,
				this.enabled, this.meta, this.tags, this.silent);
	}

	public UpdateComponent withOrder(@Nullable Integer order) {
		return new UpdateComponent(this.name, this.description, this.link, this.status, order, this.groupId,
				this.enabled, this.meta, this.tags, this.silent);
	}

	public UpdateComponent withGroupId(@Nullable Long groupId) {
		return new UpdateComponent(this.name, this.description, this.link, this.status, this.order, groupId,
				this.enabled, this.meta, this.tags, this.silent);
	}

	public UpdateComponent withEnabled(@Nullable Boolean enabled) {
		return new UpdateComponent(this.name, this.description, this.link, this.status, this.order, this.groupId,
				enabled, this.meta, this.tags, this.silent);
	}

	public UpdateComponent withMeta(@Nullable Map<String, Object> meta) {
		return new UpdateComponent(this.name, this.description, this.link, this.status, this.order, this.groupId,
				this.enabled, meta, this.tags, this.silent);
	}

	public UpdateComponent withTags(@Nullable List<String> tags) {
		return new UpdateComponent(this.name, this.description, this.link, this.status, this.order, this.groupId,
				this.enabled, this.meta, tags, this.silent);
	}

	/**
	 * @param silent when the status changes, notify nobody
	 */
	public UpdateComponent withSilent(boolean silent) {
		return new UpdateComponent(this.name, this.description, this.link, this.status, this.order, this.groupId,
				this.enabled, this.meta, this.tags, silent);
	}

}
