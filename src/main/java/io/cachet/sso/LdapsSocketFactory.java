package io.cachet.sso;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.cert.Certificate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

import org.jspecify.annotations.Nullable;

/**
 * The socket factory of {@code ldaps://} connections to a directory whose certificate
 * {@code cachet.sso.ldap.trust-certificate} names. JNDI takes a socket factory only as a
 * class name ({@code java.naming.ldap.factory.socket}) whose static {@code getDefault()}
 * it calls, so what it trusts is kept here, statically: the certificates of every
 * directory configured in this JVM (an application has one; tests may start several),
 * never fewer. Host names are still checked, by JNDI itself (endpoint identification
 * {@code LDAPS}).
 * <p>
 * Public only because JNDI instantiates it by reflection; not for other modules.
 */
public final class LdapsSocketFactory extends SSLSocketFactory {

	private static final Set<Certificate> trusted = new LinkedHashSet<>();

	private static volatile @Nullable SSLSocketFactory delegate;

	private final SSLSocketFactory ssl;

	private LdapsSocketFactory(SSLSocketFactory ssl) {
		this.ssl = ssl;
	}

	/**
	 * Adds certificates to those the {@code ldaps://} connections trust.
	 */
	static synchronized void trust(List<Certificate> certificates) {
		if (trusted.addAll(certificates) || delegate == null) {
			delegate = LdapTrust.socketFactory(trusted);
		}
	}

	/**
	 * @return the factory JNDI uses, per connection
	 */
	public static SocketFactory getDefault() {
		SSLSocketFactory current = delegate;
		if (current == null) {
			throw new IllegalStateException("No certificate to trust for the directory was configured");
		}
		return new LdapsSocketFactory(current);
	}

	@Override
	public Socket createSocket() throws IOException {
		// unconnected, so that JNDI connects it with the connect timeout
		return this.ssl.createSocket();
	}

	@Override
	public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
		return this.ssl.createSocket(socket, host, port, autoClose);
	}

	@Override
	public Socket createSocket(String host, int port) throws IOException {
		return this.ssl.createSocket(host, port);
	}

	@Override
	public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
		return this.ssl.createSocket(host, port, localHost, localPort);
	}

	@Override
	public Socket createSocket(InetAddress host, int port) throws IOException {
		return this.ssl.createSocket(host, port);
	}

	@Override
	public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
			throws IOException {
		return this.ssl.createSocket(address, port, localAddress, localPort);
	}

	@Override
	public String[] getDefaultCipherSuites() {
		return this.ssl.getDefaultCipherSuites();
	}

	@Override
	public String[] getSupportedCipherSuites() {
		return this.ssl.getSupportedCipherSuites();
	}

}
