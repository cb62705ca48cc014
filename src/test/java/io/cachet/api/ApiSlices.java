package io.cachet.api;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.cachet.settings.SettingsService;
import io.cachet.settings.SiteSettings;
import io.cachet.shared.PageResult;
import io.cachet.user.AuthenticatedUser;
import io.cachet.user.UserLevel;
import io.cachet.user.UserService;

import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;

/**
 * What {@link ApiSliceTest} classes share: stubs for the adapter's mocks and test data.
 */
final class ApiSlices {

	static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

	/** The header of {@link #signedIn}'s user. */
	static final String TOKEN = "slice-token";

	private ApiSlices() {
	}

	/**
	 * Cachet's defaults for every setting, and UTC as the page's time zone.
	 */
	static void inUtc(SettingsService settings) {
		given(settings.site()).willReturn(SiteSettings.of(Map.of("app_timezone", "UTC")));
	}

	/**
	 * Makes {@link #TOKEN} the API token of a user of the given level.
	 */
	static void signedIn(UserService users, UserLevel level) {
		given(users.authenticateApiToken(TOKEN)).willReturn(Optional.of(new AuthenticatedUser(1, "admin", level)));
	}

	static <T> PageResult<T> page(List<T> items, long total, int page, int perPage) {
		return new PageResult<>(items, total, page, perPage);
	}

}
