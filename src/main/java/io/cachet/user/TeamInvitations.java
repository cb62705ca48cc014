package io.cachet.user;

import java.util.ArrayList;
import java.util.List;

import io.cachet.mail.MailService;
import io.cachet.settings.PublicAddress;
import io.cachet.settings.SettingsService;

import org.springframework.stereotype.Service;

/**
 * Invites people to the team by e-mail: each address gets an invite and a mail with its
 * sign-up link. One address failing (already a user, the mail server refusing) does not
 * stop the others; each invite is written in its own transaction, before its mail.
 */
@Service
public class TeamInvitations {

	private final UserService users;

	private final MailService mail;

	private final SettingsService settings;

	private final PublicAddress address;

	TeamInvitations(UserService users, MailService mail, SettingsService settings, PublicAddress address) {
		this.users = users;
		this.mail = mail;
		this.settings = settings;
		this.address = address;
	}

	/**
	 * What became of each address of one round of invitations.
	 *
	 * @param sent the addresses that were invited and mailed
	 * @param failed the others, each with the reason in brackets (shown to the admin)
	 */
	public record Outcome(List<String> sent, List<String> failed) {
	}

	/**
	 * Invites each address (already checked to be e-mail addresses) with the given role.
	 * @return never {@code null}
	 */
	public Outcome invite(List<String> addresses, UserLevel level) {
		List<String> sent = new ArrayList<>();
		List<String> failed = new ArrayList<>();
		String pageName = this.settings.site().name();
		for (String email : addresses) {
			try {
				String code = this.users.invite(email, level);
				this.mail.send(email, "You are invited to " + pageName,
						"You are invited to help run the status page " + pageName
								+ ".\n\nChoose your username and password here:\n" + this.address.baseUrl()
								+ "/signup/invite/" + code + "\n");
				sent.add(email);
			}
			catch (DuplicateUserException ex) {
				failed.add(email + " (already a user)");
			}
			catch (RuntimeException ex) {
				failed.add(email + " (the e-mail could not be sent)");
			}
		}
		return new Outcome(sent, failed);
	}

}
