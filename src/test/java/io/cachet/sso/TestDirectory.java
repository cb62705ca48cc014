package io.cachet.sso;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;
import com.unboundid.util.ssl.cert.ManageCertificates;

/**
 * A real LDAP directory for the tests: UnboundID's in-memory directory server on a free
 * port of 127.0.0.1, with {@code ou=people} and {@code ou=groups} (groupOfNames with
 * {@code member}) under {@link #BASE}, a manager DN, and optionally TLS (StartTLS or
 * LDAPS) with a self-signed certificate made for the test, for 127.0.0.1.
 */
final class TestDirectory implements AutoCloseable {

	static final String BASE = "dc=example,dc=com";

	static final String MANAGER_DN = "cn=manager," + BASE;

	static final String MANAGER_PASSWORD = "manager secret";

	static final String ADMINS = "cachet-admins";

	static final String USERS = "cachet-users";

	static final String OTHERS = "accounting";

	enum Tls {

		NONE, START_TLS, LDAPS

	}

	private final InMemoryDirectoryServer server;

	private final int port;

	private final Tls tls;

	private final Path certificate;

	private TestDirectory(InMemoryDirectoryServer server, int port, Tls tls, Path certificate) {
		this.server = server;
		this.port = port;
		this.tls = tls;
		this.certificate = certificate;
	}

	static TestDirectory start(Tls tls) {
		try {
			int port = freePort();
			Path certificate = Files.createTempDirectory("cachet-ldap-").resolve("ca.pem");
			var config = new InMemoryDirectoryServerConfig(BASE);
			config.setSchema(null); // groups may be empty
			config.addAdditionalBindCredentials(MANAGER_DN, MANAGER_PASSWORD);
			InetAddress loopback = InetAddress.getByName("127.0.0.1");
			if (tls == Tls.NONE) {
				config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", loopback, port, null));
			}
			else {
				SSLUtil ssl = serverTls(certificate);
				config.setListenerConfigs((tls == Tls.LDAPS)
						? InMemoryListenerConfig.createLDAPSConfig("ldaps", loopback, port,
								ssl.createSSLServerSocketFactory(), null)
						: InMemoryListenerConfig.createLDAPConfig("ldap", loopback, port,
								ssl.createSSLSocketFactory()));
			}
			var server = new InMemoryDirectoryServer(config);
			server.add("dn: " + BASE, "objectClass: domain", "dc: example");
			server.add("dn: ou=people," + BASE, "objectClass: organizationalUnit", "ou: people");
			server.add("dn: ou=groups," + BASE, "objectClass: organizationalUnit", "ou: groups");
			for (String group : List.of(ADMINS, USERS, OTHERS)) {
				server.add("dn: cn=" + group + ",ou=groups," + BASE, "objectClass: groupOfNames", "cn: " + group);
			}
			server.startListening();
			return new TestDirectory(server, port, tls, certificate);
		}
		catch (LDAPException | com.unboundid.ldif.LDIFException | IOException
				| java.security.GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot start the test directory", ex);
		}
	}

	/**
	 * A self-signed certificate for 127.0.0.1 in a new key store, and its PEM for the
	 * application to trust.
	 */
	private static SSLUtil serverTls(Path pem) throws IOException, java.security.GeneralSecurityException {
		Path keyStore = pem.resolveSibling("server.p12");
		run("generate-self-signed-certificate", "--keystore", keyStore.toString(), "--keystore-password", "changeit",
				"--keystore-type", "PKCS12", "--alias", "server", "--subject-dn", "CN=127.0.0.1,O=Cachet tests",
				"--subject-alternative-name-ip-address", "127.0.0.1", "--subject-alternative-name-dns", "localhost",
				"--days-valid", "7");
		run("export-certificate", "--keystore", keyStore.toString(), "--keystore-password", "changeit", "--alias",
				"server", "--output-format", "PEM", "--output-file", pem.toString());
		return new SSLUtil(new KeyStoreKeyManager(keyStore.toFile(), "changeit".toCharArray(), "PKCS12", "server"),
				new TrustAllTrustManager());
	}

	private static void run(String... arguments) {
		var out = new ByteArrayOutputStream();
		ResultCode result = ManageCertificates.main(null, out, out, arguments);
		if (result != ResultCode.SUCCESS) {
			throw new IllegalStateException("manage-certificates " + arguments[0] + " failed: " + out);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String url() {
		return ((this.tls == Tls.LDAPS) ? "ldaps" : "ldap") + "://127.0.0.1:" + this.port;
	}

	/** The PEM of the directory's certificate (TLS only). */
	Path certificate() {
		return this.certificate;
	}

	static String personDn(String uid) {
		return "uid=" + uid + ",ou=people," + BASE;
	}

	/**
	 * Adds a person, member of these groups.
	 */
	void addPerson(String uid, String password, String mail, String... groups) {
		try {
			this.server.add("dn: " + personDn(uid), "objectClass: inetOrgPerson", "uid: " + uid, "cn: " + uid,
					"sn: " + uid, "mail: " + mail, "userPassword: " + password);
			setGroups(uid, groups);
		}
		catch (LDAPException | com.unboundid.ldif.LDIFException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Makes the person a member of these groups only.
	 */
	void setGroups(String uid, String... groups) {
		try {
			for (String group : List.of(ADMINS, USERS, OTHERS)) {
				String dn = "cn=" + group + ",ou=groups," + BASE;
				boolean member = this.server.getEntry(dn).hasAttributeValue("member", personDn(uid));
				boolean wanted = Arrays.asList(groups).contains(group);
				if (member != wanted) {
					this.server.modify(dn, new Modification(wanted ? ModificationType.ADD : ModificationType.DELETE,
							"member", personDn(uid)));
				}
			}
		}
		catch (LDAPException ex) {
			throw new IllegalStateException(ex);
		}
	}

	void setAttribute(String uid, String attribute, String value) {
		try {
			this.server.modify(personDn(uid), new Modification(ModificationType.REPLACE, attribute, value));
		}
		catch (LDAPException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Stops listening and drops every connection: the directory is down. */
	void stop() {
		this.server.shutDown(true);
	}

	/** Listens again, on the same port. */
	void restart() {
		try {
			this.server.startListening();
		}
		catch (LDAPException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.server.shutDown(true);
	}

}
