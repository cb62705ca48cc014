package io.cachet.dashboard;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.cachet.mail.MailServer;
import io.cachet.IsolatedIntegrationTest;
import io.cachet.TestUsers;
import io.cachet.settings.SettingsService;
import io.cachet.user.UserLevel;
import io.cachet.user.UserService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mail settings from the dashboard, checked with a real SMTP server (GreenMail): the test
 * message, and inviting a team member who signs up through the e-mailed link.
 */
@IsolatedIntegrationTest
class MailAndInvitesIntegrationTests {

	@RegisterExtension
	static final MailServer smtp = new MailServer();

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	@Autowired
	SettingsService settings;

	@Autowired
	LoginThrottle throttle;

	FormClient admin;

	String adminName;

	@BeforeEach
	void logInAsAdmin() {
		this.throttle.clear();
		this.adminName = "mailadmin" + System.nanoTime();
		this.users.createUser(TestUsers.admin(this.adminName));
		this.admin = FormClient.loggedIn(this.port, this.adminName, "correct horse battery");
		this.settings.set("app_domain", "http://localhost:" + this.port);
	}

	@Test
	void mailSettingsAreSavedWithoutShowingThePasswordAndTheTestMessageArrives() throws Exception {
		this.admin.get("/dashboard/settings/mail");
		this.admin.post("/dashboard/settings/mail",
				Map.of("mail_host", "127.0.0.1", "mail_port", String.valueOf(smtp.port()), "mail_username", "",
						"mail_password", "s3cret-pass", "mail_encryption", "none", "mail_address", "status@example.com",
						"mail_name", "Status"));
		assertThat(this.settings.get("mail_password")).hasValue("s3cret-pass");
		String page = this.admin.get("/dashboard/settings/mail").body();
		assertThat(page).doesNotContain("s3cret-pass");
		this.admin.post("/dashboard/settings/mail",
				Map.of("mail_host", "127.0.0.1", "mail_port", String.valueOf(smtp.port()), "mail_username", "",
						"mail_password", "", "mail_encryption", "none", "mail_address", "status@example.com",
						"mail_name", "Status"));
		assertThat(this.settings.get("mail_password")).hasValue("s3cret-pass");

		this.admin.get("/dashboard/settings/mail");
		this.admin.post("/dashboard/settings/mail/test", Map.of());
		assertThat(this.admin.get("/dashboard/settings/mail").body()).contains("A test message was sent");
		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(received).hasSize(1);
		assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo(this.adminName + "@example.com");
		assertThat(received[0].getFrom()[0].toString()).contains("status@example.com");
	}

	@Test
	void invitedPeopleSignUpOnceThroughTheLink() throws Exception {
		this.settings.set("mail_host", "127.0.0.1");
		this.settings.set("mail_port", String.valueOf(smtp.port()));
		this.settings.set("mail_encryption", "none");
		String invitee = "invitee" + System.nanoTime() + "@example.com";
		this.admin.get("/dashboard/team");
		this.admin.post("/dashboard/team/invite", Map.of("emails", invitee + "\nnot-an-address", "level", "ADMIN"));
		assertThat(this.admin.get("/dashboard/team").body()).contains("Invited " + invitee)
			.contains("not-an-address (not an e-mail address)");

		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(received).hasSize(1);
		Matcher link = Pattern.compile("/signup/invite/(\\S+)").matcher(GreenMailUtil.getBody(received[0]));
		assertThat(link.find()).isTrue();
		String path = "/signup/invite/" + link.group(1);

		FormClient newcomer = new FormClient(this.port);
		assertThat(newcomer.get(path).body()).contains(invitee);
		assertThat(
				newcomer.post(path, Map.of("username", "joiner", "password", "short", "passwordConfirmation", "short"))
					.body())
			.contains("field-error");
		var joined = newcomer.post(path, Map.of("username", "joiner" + System.nanoTime(), "password",
				"correct horse battery", "passwordConfirmation", "correct horse battery"));
		assertThat(FormClient.location(joined)).endsWith("/auth/login?joined");
		assertThat(this.users.findByLogin(invitee).orElseThrow().level()).isEqualTo(UserLevel.ADMIN);
		// used: Gone, with a page that says so (InviteCodesIntegrationTests)
		assertThat(newcomer.get(path).statusCode()).isEqualTo(410);
		assertThat(new FormClient(this.port).get("/signup/invite/made-up-code").statusCode()).isEqualTo(404);
	}

}
