package io.cachet.user;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.cachet.mail.MailService;
import io.cachet.settings.PublicAddress;
import io.cachet.settings.SettingsService;
import io.cachet.settings.SiteSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

class TeamInvitationsTests {

	private final UserService users = mock(UserService.class);

	private final MailService mail = mock(MailService.class);

	private final SettingsService settings = mock(SettingsService.class);

	private final PublicAddress address = mock(PublicAddress.class);

	private final TeamInvitations invitations = new TeamInvitations(this.users, this.mail, this.settings, this.address);

	@Test
	void eachAddressIsInvitedAndMailedItsLinkAndOneFailureStopsNoOther() {
		given(this.settings.site()).willReturn(SiteSettings.defaults());
		given(this.address.baseUrl()).willReturn("https://status.example.com");
		given(this.users.invite("ann@example.com", UserLevel.ADMIN)).willReturn("code-ann");
		given(this.users.invite("bob@example.com", UserLevel.ADMIN))
			.willThrow(DuplicateUserException.forEmail("bob@example.com"));
		given(this.users.invite("cat@example.com", UserLevel.ADMIN)).willReturn("code-cat");
		willThrow(new IllegalStateException("Connection refused")).given(this.mail)
			.send(eq("cat@example.com"), anyString(), anyString());

		TeamInvitations.Outcome outcome = this.invitations
			.invite(List.of("ann@example.com", "bob@example.com", "cat@example.com"), UserLevel.ADMIN);

		assertThat(outcome.sent()).containsExactly("ann@example.com");
		assertThat(outcome.failed()).containsExactly("bob@example.com (already a user)",
				"cat@example.com (the e-mail could not be sent)");
		then(this.mail).should()
			.send(eq("ann@example.com"), anyString(), contains("https://status.example.com/signup/invite/code-ann"));
		then(this.mail).should(never()).send(eq("bob@example.com"), anyString(), anyString());
	}

}
