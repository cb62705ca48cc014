package io.cachet.user;

/**
 * What a sign-up link's code stands for.
 */
public enum InviteState {

	/** It can be used to sign up. */
	OPEN,
	/** Someone signed up with it already. */
	USED,
	/** It was sent longer ago than invitations last ({@code cachet.invites.expiry}). */
	EXPIRED,
	/** No invitation has this code (a mistyped link, or one from before a restore). */
	UNKNOWN

}
