package io.cachet.monitor;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.springframework.stereotype.Component;

import io.cachet.outbound.OutboundHttp;
import io.cachet.outbound.OutboundPolicy;
import io.cachet.outbound.OutboundRefusedException;
import io.cachet.outbound.OutboundRequest;
import io.cachet.outbound.OutboundResponse;

/**
 * Runs one check of a monitor, within its timeout. Only the target the owner configured
 * is contacted, and only at an address the outbound policy allows for monitors (internal
 * hosts yes, link-local and cloud metadata addresses no): HTTP through
 * {@link OutboundHttp}, TCP and TLS to the address the policy checked. A DNS check only
 * resolves a name and contacts no target.
 */
@Component
class MonitorChecks {

	/** Bodies are read up to this size when a keyword is to be looked for. */
	private static final int MAX_BODY = 1024 * 1024;

	private static final int MAX_REDIRECTS = 5;

	private final OutboundHttp http;

	private final OutboundPolicy policy;

	private final Clock clock;

	private final SSLSocketFactory tlsSockets;

	/**
	 * @param trustAll whether TLS checks accept certificates no trusted authority signed
	 * (self-signed or private CAs): then only the expiry is checked
	 */
	MonitorChecks(Clock clock, MonitorProperties properties, OutboundHttp http, OutboundPolicy policy) {
		boolean trustAll = properties.trustAllCertificates();
		this.clock = clock;
		this.http = http;
		this.policy = policy;
		this.tlsSockets = trustAll ? trustingAll() : (SSLSocketFactory) SSLSocketFactory.getDefault();
	}

	private static SSLSocketFactory trustingAll() {
		try {
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, new TrustManager[] { new X509TrustManager() {
				@Override
				public void checkClientTrusted(X509Certificate[] chain, String authType) {
				}

				@Override
				public void checkServerTrusted(X509Certificate[] chain, String authType) {
				}

				@Override
				public X509Certificate[] getAcceptedIssuers() {
					return new X509Certificate[0];
				}
			} }, null);
			return context.getSocketFactory();
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException("TLS is not available", ex);
		}
	}

	CheckResult check(MonitorView monitor) {
		try {
			return switch (monitor.type()) {
				case HTTP -> http(monitor);
				case TCP -> tcp(monitor);
				case DNS -> dns(monitor);
				case TLS -> tls(monitor);
				case PUSH -> push(monitor);
			};
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return CheckResult.down(null, null, "Interrupted");
		}
		catch (IOException | RuntimeException ex) {
			return CheckResult.down(null, null, describe(ex));
		}
	}

	private CheckResult http(MonitorView monitor) throws IOException {
		long started = System.nanoTime();
		OutboundRequest request = OutboundRequest
			.get(URI.create(monitor.target().strip()), OutboundPolicy.Purpose.MONITOR)
			.withHeaders(Map.of("User-Agent", "Cachet-JVM-Monitor"))
			.withHeaders(monitor.headers())
			// The whole exchange, body included, must fit in the timeout.
			.withTimeout(Duration.ofSeconds(monitor.timeoutSeconds()))
			// The body is only read when a keyword is to be looked for, and then only
			// its beginning.
			.withBodyLimit((monitor.keyword() != null) ? MAX_BODY : 0, true)
			// Redirects are followed on the configured host only: nothing else is
			// contacted.
			.withRedirects(monitor.followRedirects() ? MAX_REDIRECTS : 0, true);
		OutboundResponse response;
		try {
			response = this.http.send(request);
		}
		catch (SocketTimeoutException ex) {
			return CheckResult.down(elapsed(started), null, "No answer within " + monitor.timeoutSeconds() + " s");
		}
		catch (IOException | IllegalArgumentException ex) {
			return CheckResult.down(elapsed(started), null, describe(ex));
		}
		int code = response.status();
		String body = new String(response.body(), StandardCharsets.UTF_8);
		int latency = elapsed(started);
		boolean expected = monitor.expectedStatus().isEmpty() ? (code >= 200 && code < 300)
				: monitor.expectedStatus().contains(code);
		if (!expected) {
			return CheckResult.down(latency, code, "Unexpected status " + code);
		}
		if (monitor.keyword() != null) {
			boolean found = body.contains(monitor.keyword());
			if (found == monitor.keywordAbsent()) {
				return CheckResult.down(latency, code,
						monitor.keywordAbsent() ? "The keyword was found" : "The keyword was not found");
			}
		}
		return CheckResult.reached(latency, code, monitor.latencyThresholdMs(), null);
	}

	private CheckResult tcp(MonitorView monitor) throws IOException {
		HostPort target = HostPort.parse(monitor.target(), -1).orElseThrow();
		long started = System.nanoTime();
		try (Socket socket = new Socket()) {
			socket.connect(checked(target), monitor.timeoutSeconds() * 1000);
		}
		return CheckResult.reached(elapsed(started), null, monitor.latencyThresholdMs(), null);
	}

	/**
	 * The address to connect to, resolved once and checked by the outbound policy: the
	 * socket connects to exactly that address.
	 */
	private InetSocketAddress checked(HostPort target) throws IOException {
		return new InetSocketAddress(this.policy.resolve(target.host(), OutboundPolicy.Purpose.MONITOR).get(0),
				target.port());
	}

	private CheckResult dns(MonitorView monitor) throws InterruptedException {
		long started = System.nanoTime();
		CompletableFuture<InetAddress[]> lookup = CompletableFuture.supplyAsync(() -> {
			try {
				return InetAddress.getAllByName(monitor.target().strip());
			}
			catch (UnknownHostException ex) {
				throw new IllegalStateException("The name does not resolve", ex);
			}
		});
		InetAddress[] addresses;
		try {
			addresses = lookup.get(monitor.timeoutSeconds(), TimeUnit.SECONDS);
		}
		catch (TimeoutException ex) {
			return CheckResult.down(elapsed(started), null, "No answer within " + monitor.timeoutSeconds() + " s");
		}
		catch (ExecutionException ex) {
			return CheckResult.down(elapsed(started), null, ex.getCause().getMessage());
		}
		int latency = elapsed(started);
		if (monitor.expectedAddress() != null && Arrays.stream(addresses)
			.noneMatch((address) -> address.getHostAddress().equals(monitor.expectedAddress().strip()))) {
			return CheckResult.down(latency, null,
					"Resolves to "
							+ String.join(", ", Arrays.stream(addresses).map(InetAddress::getHostAddress).toList())
							+ ", not " + monitor.expectedAddress());
		}
		return CheckResult.reached(latency, null, monitor.latencyThresholdMs(),
				"Resolves to " + addresses[0].getHostAddress());
	}

	private CheckResult tls(MonitorView monitor) throws IOException {
		HostPort target = HostPort.parse(monitor.target(), 443).orElseThrow();
		long started = System.nanoTime();
		try (Socket plain = new Socket()) {
			plain.connect(checked(target), monitor.timeoutSeconds() * 1000);
			plain.setSoTimeout(monitor.timeoutSeconds() * 1000);
			try (SSLSocket socket = (SSLSocket) this.tlsSockets.createSocket(plain, target.host(), target.port(),
					true)) {
				socket.startHandshake();
				X509Certificate certificate = (X509Certificate) socket.getSession().getPeerCertificates()[0];
				Instant notAfter = certificate.getNotAfter().toInstant();
				long daysLeft = Duration.between(this.clock.instant(), notAfter).toDays();
				int latency = elapsed(started);
				int minimum = (monitor.tlsDays() != null) ? monitor.tlsDays() : 14;
				if (daysLeft < minimum) {
					return CheckResult.down(latency, null,
							"The certificate expires in " + daysLeft + " days (on " + notAfter + ")");
				}
				return CheckResult.reached(latency, null, monitor.latencyThresholdMs(),
						"The certificate expires in " + daysLeft + " days");
			}
		}
	}

	private CheckResult push(MonitorView monitor) {
		Instant now = this.clock.instant();
		Instant last = monitor.lastPushAt();
		// A little grace on top of the interval: heartbeats and checks both run at the
		// interval and drift against each other.
		long allowed = monitor.intervalSeconds() + Math.max(2, monitor.intervalSeconds() / 10);
		if (last == null || last.isBefore(now.minusSeconds(allowed))) {
			return CheckResult.down(null, null, (last == null) ? "No heartbeat received yet"
					: "No heartbeat for " + Duration.between(last, now).toSeconds() + " s");
		}
		return new CheckResult(MonitorState.UP, null, null,
				"Heartbeat " + Duration.between(last, now).toSeconds() + " s ago");
	}

	private static int elapsed(long started) {
		return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - started) / 1_000_000);
	}

	private static String describe(Throwable error) {
		Throwable root = error;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = (root.getMessage() != null) ? root.getMessage() : "";
		if (root instanceof OutboundRefusedException) {
			return message;
		}
		return (root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message));
	}

}
