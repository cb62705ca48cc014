package io.cachet.sso;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * The certificates that the directory's TLS connections (ldaps://, StartTLS) trust, from
 * a PEM file, instead of the JVM's trust store.
 */
final class LdapTrust {

	private LdapTrust() {
	}

	/**
	 * @return the certificates in the PEM (or DER) file
	 * @throws IllegalStateException when the file cannot be read or holds none
	 */
	static List<Certificate> certificates(String path) {
		try (InputStream in = Files.newInputStream(Path.of(path.strip()))) {
			Collection<? extends Certificate> read = CertificateFactory.getInstance("X.509").generateCertificates(in);
			if (read.isEmpty()) {
				throw new IllegalStateException("cachet.sso.ldap.trust-certificate: no certificate in " + path);
			}
			return List.copyOf(read);
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException(
					"cachet.sso.ldap.trust-certificate: cannot read the certificate " + path + ": " + ex.getMessage(),
					ex);
		}
	}

	/**
	 * @return a socket factory whose connections trust only these certificates (and the
	 * certificates they issued); host names are checked by JNDI
	 */
	static SSLSocketFactory socketFactory(Collection<Certificate> trusted) {
		try {
			KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
			store.load(null, null);
			int i = 0;
			for (Certificate certificate : trusted) {
				store.setCertificateEntry("ldap-" + i++, certificate);
			}
			TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trust.init(store);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, trust.getTrustManagers(), null);
			return context.getSocketFactory();
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot set up TLS for the directory: " + ex.getMessage(), ex);
		}
	}

}
