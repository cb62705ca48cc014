package io.cachet.mail;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailProxy;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A GreenMail SMTP server on a free port for a test class, the one way the tests get a
 * mail server:
 * {@code @RegisterExtension static final MailServer smtp = new MailServer();} then, for
 * an application context, {@code @DynamicPropertySource} with
 * {@link #pointTheApplicationHere(DynamicPropertyRegistry)}, or {@link #port()} for an
 * application started by the test.
 * <p>
 * The server starts when first asked for (its port, its messages), which can be before
 * the class's first callback: a {@code PER_CLASS} test's application context is built
 * before any {@code @BeforeAll}. It stops after the class. Before each test it forgets
 * the messages received so far, unless made with {@link #keepingMessages()}. Never a
 * fixed port: forks and other runs on the machine each have their own.
 */
public final class MailServer extends GreenMailProxy implements BeforeEachCallback, AfterAllCallback {

	private final boolean purgeBeforeEachTest;

	private @Nullable GreenMail greenMail;

	public MailServer() {
		this(true);
	}

	private MailServer(boolean purgeBeforeEachTest) {
		this.purgeBeforeEachTest = purgeBeforeEachTest;
	}

	/**
	 * @return a server that keeps what it received for the whole class
	 */
	public static MailServer keepingMessages() {
		return new MailServer(false);
	}

	public int port() {
		return getSmtp().getPort();
	}

	/**
	 * Points the application's {@code spring.mail.host} and {@code spring.mail.port} at
	 * this server.
	 */
	public void pointTheApplicationHere(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", this::port);
	}

	@Override
	public void beforeEach(ExtensionContext context) throws FolderException {
		if (this.purgeBeforeEachTest && this.greenMail != null) {
			this.greenMail.purgeEmailFromAllMailboxes();
		}
	}

	@Override
	public synchronized void afterAll(ExtensionContext context) {
		if (this.greenMail != null) {
			this.greenMail.stop();
			this.greenMail = null;
		}
	}

	@Override
	protected synchronized GreenMail getGreenMail() {
		if (this.greenMail == null) {
			GreenMail server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
			server.start();
			this.greenMail = server;
		}
		return this.greenMail;
	}

	@Override
	public boolean isRunning() {
		return this.greenMail != null && this.greenMail.isRunning();
	}

}
