package io.cachet.sso;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the login page offers.
 *
 * @param buttons a "Sign in with …" button per OpenID Connect provider
 * @param passwordForm whether the username and password form is shown
 * @param passwordFormFolded whether it is folded away under "Administrator sign-in":
 * local login is off, no directory uses the form, and only the break-glass admin may use
 * it
 * @param directoryName the directory's display name when the form checks passwords
 * against one, else {@code null}
 * @param localLogin whether local passwords are accepted for everyone
 */
public record SignInOptions(List<SignInButton> buttons, boolean passwordForm, boolean passwordFormFolded,
		@Nullable String directoryName, boolean localLogin) {

	/**
	 * @param url where the button sends the browser (Spring Security's
	 * {@code /oauth2/authorization/{id}})
	 */
	public record SignInButton(String id, String displayName, String url) {
	}

	/**
	 * @return the display name of the provider with this registration id, if any
	 */
	public @Nullable String displayName(String id) {
		return this.buttons.stream()
			.filter((button) -> button.id().equals(id))
			.map(SignInButton::displayName)
			.findFirst()
			.orElse(null);
	}

}
