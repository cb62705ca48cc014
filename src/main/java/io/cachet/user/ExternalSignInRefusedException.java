package io.cachet.user;

/**
 * A sign-in through an identity provider that the provider accepted and Cachet refuses.
 */
public class ExternalSignInRefusedException extends RuntimeException {

	private final Reason reason;

	public ExternalSignInRefusedException(Reason reason) {
		super(reason.message);
		this.reason = reason;
	}

	public Reason reason() {
		return this.reason;
	}

	/** Why, in words the login page shows. */
	public enum Reason {

		/** The linked (or e-mail-matched) user is deactivated in Cachet. */
		DEACTIVATED("This account is deactivated."),

		/** None of the person's groups maps to a role, and there is no default role. */
		NO_ROLE("Your account is not in a group that may use this dashboard. Ask an administrator for access."),

		/**
		 * A local user has the provider's e-mail address, and linking by e-mail is not
		 * allowed (or the provider does not vouch for the address).
		 */
		EMAIL_TAKEN("A team member already has this e-mail address. An administrator must allow linking accounts by "
				+ "verified e-mail, or sign in with your password.");

		private final String message;

		Reason(String message) {
			this.message = message;
		}

		public String message() {
			return this.message;
		}

	}

}
