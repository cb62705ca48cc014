/**
 * The outbound request policy: which addresses the server may call on its own initiative.
 * <p>
 * Webhooks, followed pages (upstreams), the Cachet import and the mail server test are
 * URLs that an admin (or an API token) types in, and the server then calls them from
 * inside its network. Without a policy that is a server-side request forgery tool: a
 * webhook to {@code http://169.254.169.254/} reads the cloud's instance credentials, and
 * the delivery errors map the internal network. {@link OutboundPolicy} therefore refuses,
 * for {@link OutboundPolicy.Purpose#INTEGRATION integrations}, every loopback, private,
 * link-local, CGNAT, unique-local, multicast, unspecified and otherwise reserved address,
 * also when it hides inside an IPv6 form (IPv4-mapped, IPv4-compatible, NAT64, 6to4).
 * Monitors ({@link OutboundPolicy.Purpose#MONITOR}) exist to watch internal hosts, so for
 * them only link-local and cloud metadata addresses are refused. An allow-list, from the
 * environment ({@code CACHET_OUTBOUND_ALLOW}, property {@code cachet.outbound.allow}) and
 * from the admin setting {@value OutboundPolicy#SETTING}, both combined, names the hosts
 * and CIDR ranges that are allowed all the same.
 * <p>
 * The check is made on the addresses a name resolves to, and the connection goes to the
 * address that was checked: {@link OutboundHttp} hands the HTTP client a resolver that
 * checks every address it returns, so a name that answers a public address to the check
 * and a private one to the connection (DNS rebinding) gets nowhere; each redirect is a
 * new resolution and so a new check. Sockets opened by hand resolve through
 * {@link OutboundPolicy#resolve} and connect to the returned
 * {@link java.net.InetAddress}. Every answer body is read from the stream against a hard
 * cap, so a server that streams forever costs a bounded amount of memory and time.
 */
@ApplicationModule(allowedDependencies = { "settings", "shared" })
@NullMarked
package io.cachet.outbound;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
