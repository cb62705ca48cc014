package io.cachet.outbound;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.net.InetAddressUtils;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.stereotype.Component;

import io.cachet.shared.DaemonThreads;

/**
 * Makes the server's own HTTP calls under the {@link OutboundPolicy}.
 * <p>
 * Apache HttpClient 5 rather than the JDK's {@code HttpClient}: the JDK client resolves
 * names itself and offers no hook between resolution and connection, so a check made
 * beforehand could be answered with one address and the connection with another (DNS
 * rebinding). HttpClient 5 resolves through a {@link DnsResolver} we give it; ours
 * resolves, checks every address and returns only checked ones, and the socket connects
 * to what it returned. Certificates are still verified against the host name. Its version
 * comes from Spring Boot's dependency management.
 * <p>
 * Each exchange goes through one {@code RestClient} made from Boot's
 * {@code RestClient.Builder} (so it is observed as {@code http.client.requests}) over
 * that client ({@code HttpComponentsClientHttpRequestFactory}); the rules below stay
 * here, in one place, for the import, upstreams, webhooks and HTTP monitors alike.
 * <p>
 * Redirects are followed here, not by the client, so that each hop is checked (its
 * scheme, its host when the caller keeps to one, and its addresses through the resolver)
 * and counted. Connections are never reused: each call resolves, and so is checked,
 * afresh. Bodies are read from the stream up to the caller's limit, and a call that stops
 * early aborts the connection instead of draining it, so a server that streams forever
 * costs one buffer of the limit's size. A timer aborts the exchange at the caller's
 * timeout, whatever stage it is in.
 */
@Component
public class OutboundHttp implements DisposableBean {

	/** Set by the client or meaningless on a call we build ourselves. */
	private static final Set<String> RESTRICTED_HEADERS = Set.of("host", "content-length", "transfer-encoding",
			"connection", "expect", "upgrade", "te", "trailer", "keep-alive", "proxy-connection");

	private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

	private final Map<OutboundPolicy.Purpose, CloseableHttpClient> clients = new EnumMap<>(
			OutboundPolicy.Purpose.class);

	/**
	 * Built from Boot's builder, so its observations ({@code http.client.requests})
	 * apply.
	 */
	private final RestClient rest;

	private final OutboundPolicy policy;

	private final ScheduledExecutorService deadlines = Executors
		.newSingleThreadScheduledExecutor(DaemonThreads.named("outbound-deadline"));

	@Autowired
	OutboundHttp(OutboundPolicy policy, ObjectProvider<RestClient.Builder> builder) {
		this(policy, Duration.ofSeconds(30), builder.getIfAvailable(RestClient::builder));
	}

	/**
	 * @param connectTimeout the longest a connection may take (a call's own timeout still
	 * cuts it shorter)
	 */
	OutboundHttp(OutboundPolicy policy, Duration connectTimeout) {
		this(policy, connectTimeout, RestClient.builder());
	}

	private OutboundHttp(OutboundPolicy policy, Duration connectTimeout, RestClient.Builder builder) {
		this.policy = policy;
		this.rest = builder.build();
		for (OutboundPolicy.Purpose purpose : OutboundPolicy.Purpose.values()) {
			this.clients.put(purpose, client(new CheckingResolver(policy, purpose), connectTimeout));
		}
	}

	private static CloseableHttpClient client(DnsResolver resolver, Duration connectTimeout) {
		Timeout connect = Timeout.of(connectTimeout);
		return HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDnsResolver(resolver)
				.setDefaultConnectionConfig(
						ConnectionConfig.custom().setConnectTimeout(connect).setSocketTimeout(connect).build())
				.setMaxConnTotal(200)
				.setMaxConnPerRoute(50)
				.build())
			.setConnectionReuseStrategy((request, response, context) -> false)
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.disableAuthCaching()
			// Bodies are limited as they arrive on the wire; no gzip to expand past it.
			.disableContentCompression()
			.build();
	}

	/**
	 * @return the answer, redirects followed as the request allows
	 * @throws OutboundRefusedException when the policy forbids an address on the way
	 * @throws SocketTimeoutException when the exchange did not end within the timeout
	 * @throws IOException when the call fails, a redirect is refused or the body is over
	 * the limit (and not to be truncated)
	 * @throws IllegalArgumentException for a header the client sets itself
	 */
	public OutboundResponse send(OutboundRequest request) throws IOException {
		request.headers().keySet().forEach((name) -> {
			if (RESTRICTED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
				throw new IllegalArgumentException("The header " + name + " cannot be set");
			}
		});
		long deadline = System.nanoTime() + request.timeout().toNanos();
		URI current = request.uri();
		String method = request.method();
		byte[] body = request.body();
		for (int redirects = 0;; redirects++) {
			checkScheme(current);
			checkLiteral(current, request.purpose());
			boolean follow = request.maxRedirects() > 0;
			OutboundResponse response = exchange(request, method, current, body, deadline, follow);
			String location = response.header(HttpHeaders.LOCATION).orElse(null);
			if (!follow || !REDIRECTS.contains(response.status()) || location == null) {
				return response;
			}
			if (redirects >= request.maxRedirects()) {
				throw new IOException("More than " + request.maxRedirects() + " redirects");
			}
			URI next = current.resolve(location.strip());
			checkScheme(next);
			if (request.sameHostOnly()
					&& !Objects.requireNonNullElse(request.uri().getHost(), "").equalsIgnoreCase(next.getHost())) {
				throw new IOException(
						"Redirected to another host (" + next.getHost() + "); only the configured host is contacted");
			}
			if (response.status() == 303 || (response.status() != 307 && response.status() != 308
					&& !method.equals("GET") && !method.equals("HEAD"))) {
				method = "GET";
				body = null;
			}
			current = next;
		}
	}

	/**
	 * The client may connect to an address literal without asking the resolver; the
	 * policy sees it here all the same.
	 */
	private void checkLiteral(URI uri, OutboundPolicy.Purpose purpose) throws IOException {
		String host = OutboundPolicy.unbracket(Objects.requireNonNull(uri.getHost()));
		if (InetAddressUtils.isIPv4(host) || InetAddressUtils.isIPv6(host)) {
			this.policy.resolve(host, purpose);
		}
	}

	private static void checkScheme(URI uri) throws IOException {
		String scheme = Objects.requireNonNullElse(uri.getScheme(), "").toLowerCase(Locale.ROOT);
		if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
			throw new IOException("Only http and https addresses are called, not " + uri);
		}
	}

	/**
	 * @param skipRedirectBody whether the body of a redirect is left unread
	 */
	private OutboundResponse exchange(OutboundRequest request, String method, URI uri, byte @Nullable [] body,
			long deadline, boolean skipRedirectBody) throws IOException {
		long remaining = deadline - System.nanoTime();
		if (remaining <= 0) {
			throw timedOut(request);
		}
		Timeout left = Timeout.of(remaining, TimeUnit.NANOSECONDS);
		Call call = new Call(this.clients.get(request.purpose()),
				RequestConfig.custom().setConnectionRequestTimeout(left).setResponseTimeout(left).build());
		AtomicBoolean expired = new AtomicBoolean();
		ScheduledFuture<?> timer = this.deadlines.schedule(() -> {
			expired.set(true);
			call.cancel();
		}, remaining, TimeUnit.NANOSECONDS);
		try {
			return this.rest.mutate()
				.requestFactory(call)
				.build()
				.method(HttpMethod.valueOf(method))
				.uri(uri)
				.headers((headers) -> {
					request.headers().forEach(headers::add);
					if (body != null) {
						headers.setContentLength(body.length);
					}
				})
				.body((out) -> {
					if (body != null) {
						out.write(body);
					}
				})
				.exchange((clientRequest, response) -> {
					try {
						int status = response.getStatusCode().value();
						HttpHeaders headers = new HttpHeaders();
						headers.addAll(response.getHeaders());
						Body read = (skipRedirectBody && REDIRECTS.contains(status))
								? new Body(new byte[0], false, false) : read(response.getBody(),
										mayHaveBody(method, status) ? headers.getContentLength() : -1, request);
						call.complete = read.complete();
						return new OutboundResponse(uri, status, headers, read.bytes(), read.truncated());
					}
					finally {
						call.close();
						response.close();
					}
				}, false);
		}
		catch (ResourceAccessException ex) {
			if (expired.get()) {
				throw timedOut(request);
			}
			if (ex.getCause() instanceof IOException io) {
				throw refusal(io);
			}
			throw ex;
		}
		finally {
			timer.cancel(false);
			call.close();
		}
	}

	private static boolean mayHaveBody(String method, int status) {
		return !method.equals("HEAD") && status >= 200 && status != 204 && status != 304;
	}

	/**
	 * @param contentLength the length the answer announced, -1 if none
	 */
	private static Body read(InputStream in, long contentLength, OutboundRequest request) throws IOException {
		long limit = request.maxBodyBytes();
		if (!request.truncate() && contentLength > limit) {
			throw tooLarge(limit);
		}
		if (limit <= 0) {
			return new Body(new byte[0], false, false);
		}
		// Not closed here: closing drains what is left; an unfinished call is aborted.
		ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(limit + 1, 64 * 1024));
		byte[] buffer = new byte[8192];
		long total = 0;
		while (total <= limit) {
			int n = in.read(buffer, 0, (int) Math.min(buffer.length, limit + 1 - total));
			if (n < 0) {
				return new Body(out.toByteArray(), false, true);
			}
			out.write(buffer, 0, n);
			total += n;
		}
		if (!request.truncate()) {
			throw tooLarge(limit);
		}
		byte[] bytes = out.toByteArray();
		return new Body(Arrays.copyOf(bytes, (int) limit), true, false);
	}

	private static IOException tooLarge(long limit) {
		return new OutboundBodyTooLargeException(limit);
	}

	private static SocketTimeoutException timedOut(OutboundRequest request) {
		Duration timeout = request.timeout();
		return new SocketTimeoutException("No complete answer within "
				+ ((timeout.toMillis() % 1000 == 0) ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms"));
	}

	/**
	 * The resolver's refusal comes back wrapped by the client; the caller gets it as
	 * itself.
	 */
	private static IOException refusal(IOException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof Refused refused) {
				return refused.refusal;
			}
			if (cause instanceof OutboundRefusedException refusal) {
				return refusal;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return ex;
	}

	@Override
	public void destroy() throws IOException {
		this.deadlines.shutdownNow();
		for (CloseableHttpClient client : this.clients.values()) {
			client.close();
		}
	}

	private record Body(byte[] bytes, boolean truncated, boolean complete) {
	}

	/**
	 * One exchange's request factory: the Apache client of its purpose, with the time
	 * left of the call's deadline, and the handle the deadline timer aborts the exchange
	 * by.
	 */
	private static final class Call extends HttpComponentsClientHttpRequestFactory {

		private final RequestConfig config;

		private volatile @Nullable HttpUriRequestBase request;

		private volatile boolean cancelled;

		/** Whether the body was read to its end (else the connection is aborted). */
		volatile boolean complete;

		Call(CloseableHttpClient client, RequestConfig config) {
			super(client);
			this.config = config;
		}

		@Override
		protected void postProcessHttpRequest(ClassicHttpRequest request) {
			HttpUriRequestBase http = (HttpUriRequestBase) request;
			http.setConfig(this.config);
			this.request = http;
			if (this.cancelled) {
				http.cancel();
			}
		}

		void cancel() {
			this.cancelled = true;
			HttpUriRequestBase http = this.request;
			if (http != null) {
				http.cancel();
			}
		}

		/**
		 * Aborts an unfinished exchange: closing an unfinished body would drain it;
		 * aborting closes the socket.
		 */
		void close() {
			if (!this.complete) {
				cancel();
			}
		}

		@Override
		public void destroy() {
			// the client is shared by the calls of its purpose and closed with
			// OutboundHttp
		}

	}

	/**
	 * The bridge to the client: every address it will connect to has passed the policy.
	 */
	private record CheckingResolver(OutboundPolicy policy, OutboundPolicy.Purpose purpose) implements DnsResolver {

		@Override
		public InetAddress[] resolve(String host) throws UnknownHostException {
			try {
				return this.policy.resolve(host, this.purpose).toArray(InetAddress[]::new);
			}
			catch (OutboundRefusedException ex) {
				throw new Refused(ex);
			}
		}

		@Override
		public String resolveCanonicalHostname(String host) throws UnknownHostException {
			// Only used for Kerberos/SPNEGO, which these calls never do: no extra lookup.
			return host;
		}

	}

	/**
	 * Carries a refusal through the client, whose resolver may only throw
	 * {@link UnknownHostException}.
	 */
	private static final class Refused extends UnknownHostException {

		private final transient OutboundRefusedException refusal;

		Refused(OutboundRefusedException refusal) {
			super(refusal.getMessage());
			this.refusal = refusal;
		}

	}

}
