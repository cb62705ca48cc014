package io.cachet.config;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import io.cachet.IsolatedIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code X-Forwarded-For} is honoured only from the proxies in
 * {@code CACHET_TRUSTED_PROXIES}: a client anywhere else cannot choose the address that
 * the login throttle, the rate limits and the audit log see. The proxy here is 127.0.0.2;
 * the attacker connects from 127.0.0.1.
 */
@IsolatedIntegrationTest(properties = "CACHET_TRUSTED_PROXIES=127.0.0.2/32")
class TrustedProxiesIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void aClientThatIsNotATrustedProxyCannotChooseItsAddress() throws IOException {
		assertThat(remoteAddressSeen("127.0.0.1", "203.0.113.9")).isEqualTo("127.0.0.1");
		assertThat(remoteAddressSeen("127.0.0.1", "203.0.113.9, 127.0.0.2")).isEqualTo("127.0.0.1");
	}

	@Test
	void theTrustedProxyPassesOnTheClientsAddress() throws IOException {
		assertThat(remoteAddressSeen("127.0.0.2", "203.0.113.9")).isEqualTo("203.0.113.9");
		// what the client itself put in front of the header stays the client's claim
		assertThat(remoteAddressSeen("127.0.0.2", "198.51.100.1, 203.0.113.9")).isEqualTo("203.0.113.9");
	}

	/**
	 * @return the address the application sees for a request sent from {@code from} with
	 * this {@code X-Forwarded-For}
	 */
	private String remoteAddressSeen(String from, String forwardedFor) throws IOException {
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(from, 0));
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 5000);
			socket.setSoTimeout(10000);
			OutputStream out = socket.getOutputStream();
			out.write(("GET /test/remote-address HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: " + forwardedFor
					+ "\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream response = new ByteArrayOutputStream();
			in.transferTo(response);
			String text = response.toString(StandardCharsets.US_ASCII);
			assertThat(text).startsWith("HTTP/1.1 200");
			return text.substring(text.indexOf("remote=") + "remote=".length(), text.indexOf(";end")).strip();
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class RemoteAddressEcho {

		@Bean
		Filter remoteAddressEcho() {
			return (request, response, chain) -> {
				if ("/test/remote-address".equals(((HttpServletRequest) request).getRequestURI())) {
					response.setContentType("text/plain");
					response.getWriter().write("remote=" + request.getRemoteAddr() + ";end");
					return;
				}
				chain.doFilter(request, response);
			};
		}

	}

}
