package io.cachet.user;

import java.util.Arrays;

/**
 * What a user may do, with Cachet's numeric codes: admins also manage the team and the
 * settings.
 */
public enum UserLevel {

	ADMIN(1), USER(2);

	private final int code;

	UserLevel(int code) {
		this.code = code;
	}

	/**
	 * @return Cachet's code for this level: 1 admin, 2 user
	 */
	public int code() {
		return this.code;
	}

	/**
	 * @return the Spring Security role name of this level, without the {@code ROLE_}
	 * prefix
	 */
	public String role() {
		return name();
	}

	/**
	 * @throws IllegalArgumentException for a code that is not 1 or 2
	 */
	public static UserLevel fromCode(int code) {
		return Arrays.stream(values())
			.filter((level) -> level.code == code)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown user level " + code));
	}

}
