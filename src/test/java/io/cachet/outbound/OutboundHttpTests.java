package io.cachet.outbound;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.cachet.outbound.OutboundPolicy.Purpose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The client under the policy, against a local server on 127.0.0.1: refusals happen
 * before any connection, the connection goes to the checked address, redirects are
 * checked hop by hop, and bodies are cut at the cap however long the server goes on.
 */
class OutboundHttpTests {

	private HttpServer server;

	private final AtomicInteger requests = new AtomicInteger();

	private int port;

	private OutboundHttp http;

	@BeforeEach
	void startServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.setExecutor(Executors.newCachedThreadPool());
		this.server.createContext("/", (exchange) -> {
			this.requests.incrementAndGet();
			respond(exchange, 200, "ok");
		});
		this.server.createContext("/jump", (exchange) -> {
			this.requests.incrementAndGet();
			exchange.getResponseHeaders()
				.add("Location",
						exchange.getRequestURI()
							.getQuery()
							.replaceFirst("^to=", "")
							.replace("PORT", String.valueOf(this.port)));
			exchange.sendResponseHeaders(302, -1);
			exchange.close();
		});
		this.server.createContext("/loop", (exchange) -> {
			this.requests.incrementAndGet();
			exchange.getResponseHeaders().add("Location", "/loop");
			exchange.sendResponseHeaders(302, -1);
			exchange.close();
		});
		this.server.createContext("/endless", (exchange) -> {
			// Chunked, and never ending until the client goes away (bounded in time
			// all the same).
			exchange.sendResponseHeaders(200, 0);
			byte[] chunk = new byte[64 * 1024];
			long stop = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			try (OutputStream out = exchange.getResponseBody()) {
				while (System.nanoTime() < stop) {
					out.write(chunk);
				}
			}
			catch (IOException ex) {
				// the client hung up, as it should
			}
		});
		this.server.createContext("/trickle", (exchange) -> {
			exchange.sendResponseHeaders(200, 0);
			long stop = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			try (OutputStream out = exchange.getResponseBody()) {
				while (System.nanoTime() < stop) {
					out.write('x');
					out.flush();
					Thread.sleep(100);
				}
			}
			catch (IOException | InterruptedException ex) {
				// the client hung up, as it should
			}
		});
		this.server.start();
		this.port = this.server.getAddress().getPort();
	}

	@AfterEach
	void stop() throws IOException {
		this.server.stop(0);
		if (this.http != null) {
			this.http.destroy();
		}
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private OutboundHttp client(String allow, OutboundPolicy.HostResolver resolver) {
		this.http = new OutboundHttp(new OutboundPolicy(allow, () -> "", resolver), Duration.ofSeconds(5));
		return this.http;
	}

	private URI url(String host, String path) {
		return URI.create("http://" + host + ":" + this.port + path);
	}

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "[::1]", "localhost", "169.254.169.254", "0.0.0.0", "[::ffff:127.0.0.1]" })
	void aWebhookToAForbiddenAddressIsRefusedBeforeAnyConnection(String host) {
		OutboundHttp client = client("", InetAddress::getAllByName);
		OutboundRequest webhook = OutboundRequest
			.post(url(host, "/hook"), Purpose.INTEGRATION, "{}".getBytes(StandardCharsets.UTF_8), "application/json")
			.withTimeout(Duration.ofSeconds(5));
		assertTimeoutPreemptively(Duration.ofSeconds(3),
				() -> assertThatExceptionOfType(OutboundRefusedException.class).isThrownBy(() -> client.send(webhook))
					.withMessageContaining(OutboundPolicy.REFUSAL));
		assertThat(this.requests).hasValue(0);
	}

	@Test
	void theConnectionGoesToTheAddressThatWasChecked() throws IOException {
		// The system resolver does not know this name: only the checked answer is used.
		OutboundHttp client = client("127.0.0.1/32", literal("pinned.test", "127.0.0.1"));
		OutboundResponse response = client
			.send(OutboundRequest.get(url("pinned.test", "/"), Purpose.INTEGRATION).withBodyLimit(100, false));
		assertThat(response.status()).isEqualTo(200);
		assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("ok");
	}

	/**
	 * DNS rebinding: the name resolves to an allowed address, then to a forbidden one.
	 * The second call is refused, and no call connects anywhere but to the address its
	 * own check saw.
	 */
	@Test
	void aRebindingNameIsRefusedOnItsNextResolution() throws IOException {
		OutboundHttp client = client("127.0.0.1/32", sequence("127.0.0.1", "127.0.0.2"));
		OutboundRequest request = OutboundRequest.get(url("rebind.test", "/"), Purpose.INTEGRATION);
		assertThat(client.send(request).status()).isEqualTo(200);
		assertThatExceptionOfType(OutboundRefusedException.class).isThrownBy(() -> client.send(request))
			.withMessage("rebind.test (127.0.0.2): " + OutboundPolicy.REFUSAL);
		assertThat(this.requests).hasValue(1);
	}

	@Test
	void aRedirectOnTheSameHostIsResolvedAndCheckedAgain() {
		OutboundHttp client = client("127.0.0.1/32", sequence("127.0.0.1", "127.0.0.2"));
		OutboundRequest request = OutboundRequest.get(url("rebind.test", "/jump?to=/"), Purpose.INTEGRATION)
			.withRedirects(3, true);
		assertThatExceptionOfType(OutboundRefusedException.class).isThrownBy(() -> client.send(request));
		assertThat(this.requests).hasValue(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://[::1]:PORT/", "http://127.0.0.2:PORT/", "http://169.254.169.254/latest/meta-data/",
			"http://0.0.0.0:PORT/" })
	void aRedirectFromAnAllowedServerToAForbiddenAddressIsRefused(String target) {
		OutboundHttp client = client("127.0.0.1/32", InetAddress::getAllByName);
		OutboundRequest request = OutboundRequest.get(url("127.0.0.1", "/jump?to=" + target), Purpose.INTEGRATION)
			.withRedirects(3, false);
		assertTimeoutPreemptively(Duration.ofSeconds(3),
				() -> assertThatExceptionOfType(OutboundRefusedException.class).isThrownBy(() -> client.send(request)));
		assertThat(this.requests).hasValue(1);
	}

	@Test
	void redirectsAreCapped() {
		OutboundHttp client = client("127.0.0.1/32", InetAddress::getAllByName);
		OutboundRequest request = OutboundRequest.get(url("127.0.0.1", "/loop"), Purpose.INTEGRATION)
			.withRedirects(3, true);
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> client.send(request))
			.withMessage("More than 3 redirects");
		assertThat(this.requests).hasValue(4);
	}

	@Test
	void anEndlessChunkedBodyIsCutAtTheCap() {
		OutboundHttp client = client("127.0.0.1/32", InetAddress::getAllByName);
		OutboundRequest request = OutboundRequest.get(url("127.0.0.1", "/endless"), Purpose.MONITOR)
			.withTimeout(Duration.ofSeconds(20));
		OutboundResponse cut = assertTimeoutPreemptively(Duration.ofSeconds(10),
				() -> client.send(request.withBodyLimit(1024 * 1024, true)));
		assertThat(cut.truncated()).isTrue();
		assertThat(cut.body()).hasSize(1024 * 1024);
		assertTimeoutPreemptively(Duration.ofSeconds(10),
				() -> assertThatExceptionOfType(OutboundBodyTooLargeException.class)
					.isThrownBy(() -> client.send(request.withBodyLimit(5 * 1024 * 1024, false))));
		OutboundResponse unread = assertTimeoutPreemptively(Duration.ofSeconds(10),
				() -> client.send(request.withBodyLimit(0, true)));
		assertThat(unread.body()).isEmpty();
	}

	@Test
	void aTricklingBodyEndsAtTheTimeout() {
		OutboundHttp client = client("127.0.0.1/32", InetAddress::getAllByName);
		OutboundRequest request = OutboundRequest.get(url("127.0.0.1", "/trickle"), Purpose.INTEGRATION)
			.withTimeout(Duration.ofSeconds(1))
			.withBodyLimit(1024 * 1024, false);
		assertTimeoutPreemptively(Duration.ofSeconds(5),
				() -> assertThatExceptionOfType(SocketTimeoutException.class).isThrownBy(() -> client.send(request))
					.withMessage("No complete answer within 1 s"));
	}

	private static OutboundPolicy.HostResolver literal(String name, String address) {
		return (host) -> {
			if (!host.equals(name)) {
				throw new java.net.UnknownHostException(host);
			}
			return new InetAddress[] { InetAddress.getByName(address) };
		};
	}

	private static OutboundPolicy.HostResolver sequence(String... addresses) {
		Deque<String> answers = new ArrayDeque<>(List.of(addresses));
		return (host) -> new InetAddress[] {
				InetAddress.getByName(answers.size() > 1 ? answers.pop() : answers.peek()) };
	}

}
