package io.cachet.sso;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.cachet.user.UserLevel;

/**
 * From a person's groups at their provider to their role here: admin when one of their
 * groups is an admin group, else user when one is a user group, else the default role, if
 * there is one. Group names are compared ignoring case and surrounding spaces; a DN is
 * compared whole.
 */
record RoleMapping(Set<String> adminGroups, Set<String> userGroups, @Nullable UserLevel defaultRole) {

	static RoleMapping of(Collection<String> adminGroups, Collection<String> userGroups,
			@Nullable UserLevel defaultRole) {
		return new RoleMapping(normalized(adminGroups), normalized(userGroups), defaultRole);
	}

	/**
	 * @return this mapping, with each part the provider sets replacing the shared one
	 */
	RoleMapping overriddenBy(@Nullable List<String> adminGroups, @Nullable List<String> userGroups,
			@Nullable UserLevel defaultRole) {
		return new RoleMapping(
				(adminGroups != null && !adminGroups.isEmpty()) ? normalized(adminGroups) : this.adminGroups,
				(userGroups != null && !userGroups.isEmpty()) ? normalized(userGroups) : this.userGroups,
				(defaultRole != null) ? defaultRole : this.defaultRole);
	}

	/**
	 * @return the role of someone in these groups, or empty when they may not sign in
	 */
	Optional<UserLevel> levelFor(Collection<String> groups) {
		Set<String> theirs = normalized(groups);
		if (theirs.stream().anyMatch(this.adminGroups::contains)) {
			return Optional.of(UserLevel.ADMIN);
		}
		if (theirs.stream().anyMatch(this.userGroups::contains)) {
			return Optional.of(UserLevel.USER);
		}
		return Optional.ofNullable(this.defaultRole);
	}

	private static Set<String> normalized(Collection<String> groups) {
		return groups.stream()
			.map((group) -> group.strip().toLowerCase(Locale.ROOT))
			.filter((group) -> !group.isEmpty())
			.collect(Collectors.toUnmodifiableSet());
	}

}
