package io.cachet.outbound;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.cachet.settings.SettingsService;

/**
 * Decides which addresses the server may call; see the package description for why. The
 * allow-list is the environment's ({@code CACHET_OUTBOUND_ALLOW}, fixed at start) plus
 * the admin setting {@value #SETTING} (read through the settings cache, so a change
 * applies to the next call).
 */
@Component
public class OutboundPolicy {

	/** The admin setting holding extra allowed hosts and ranges. */
	public static final String SETTING = "outbound_allow";

	/** The reason given for every refusal, naming the way out. */
	public static final String REFUSAL = "address not allowed by the outbound policy (CACHET_OUTBOUND_ALLOW)";

	private static final Logger log = LoggerFactory.getLogger(OutboundPolicy.class);

	private final AllowList fromEnvironment;

	private final Supplier<String> fromSetting;

	private final HostResolver resolver;

	private volatile Parsed parsedSetting = new Parsed("", AllowList.EMPTY);

	@Autowired
	OutboundPolicy(OutboundProperties properties, SettingsService settings) {
		this(properties.allow(), () -> settings.site().outboundAllow(), InetAddress::getAllByName);
	}

	/**
	 * @param allow the environment's allow-list
	 * @param fromSetting the admin's allow-list, read on every check
	 * @param resolver the name resolution (tests give their own)
	 * @throws IllegalArgumentException when the environment's list has a bad entry: a
	 * typo there must not pass unnoticed
	 */
	OutboundPolicy(String allow, Supplier<String> fromSetting, HostResolver resolver) {
		try {
			this.fromEnvironment = AllowList.parse(allow);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("CACHET_OUTBOUND_ALLOW (cachet.outbound.allow): " + ex.getMessage(), ex);
		}
		this.fromSetting = fromSetting;
		this.resolver = resolver;
	}

	/**
	 * @return one message per entry of an allow-list that is neither a host name nor an
	 * address or CIDR range; empty when the list is good
	 */
	public static List<String> invalidEntries(String allowList) {
		List<String> errors = new ArrayList<>();
		AllowList.parse(allowList, errors);
		return errors;
	}

	/**
	 * Resolves a host and checks every address it has: one forbidden address refuses the
	 * host, since the connection could go to any of them.
	 * @param host a name or an address literal ({@code [::1]} or {@code ::1})
	 * @return the addresses to connect to, all checked
	 * @throws OutboundRefusedException when an address is forbidden
	 * @throws UnknownHostException when the name does not resolve
	 */
	public List<InetAddress> resolve(String host, Purpose purpose)
			throws UnknownHostException, OutboundRefusedException {
		String name = unbracket(host);
		InetAddress[] addresses = this.resolver.resolve(name);
		if (addresses.length == 0) {
			throw new UnknownHostException(name);
		}
		AllowList allowed = allowList();
		if (allowed.allowsHost(name)) {
			return List.of(addresses);
		}
		for (InetAddress address : addresses) {
			if (forbidden(address, purpose, allowed)) {
				log.info("Refused an outbound {} call to {} ({}): not allowed by the outbound policy", purpose, name,
						address.getHostAddress());
				throw new OutboundRefusedException(host, address);
			}
		}
		return List.of(addresses);
	}

	/**
	 * Checks the host of a URL as it is saved, so that the form or the API refuses it at
	 * once; the call checks again, since names can change what they resolve to. A name
	 * that does not resolve (yet) passes: the call will tell.
	 * @throws OutboundNotAllowedException when the host is, or resolves to, a forbidden
	 * address
	 */
	public void checkUrl(String url, Purpose purpose) {
		String host;
		try {
			host = URI.create(url.strip()).getHost();
		}
		catch (IllegalArgumentException ex) {
			return;
		}
		if (host != null) {
			checkHost(host, purpose);
		}
	}

	/**
	 * As {@link #checkUrl} for a bare host name or address.
	 * @throws OutboundNotAllowedException when the host is forbidden
	 */
	public void checkHost(String host, Purpose purpose) {
		try {
			resolve(host, purpose);
		}
		catch (OutboundRefusedException ex) {
			throw new OutboundNotAllowedException(ex.getMessage());
		}
		catch (UnknownHostException ex) {
			// Checked again when the call is made.
		}
	}

	boolean forbidden(InetAddress address, Purpose purpose, AllowList allowed) {
		InetAddress embedded = AddressRanges.embeddedIpv4(address);
		boolean forbidden = forbidden(address, purpose) || (embedded != null && forbidden(embedded, purpose));
		return forbidden && !allowed.allows(address) && !(embedded != null && allowed.allows(embedded));
	}

	private static boolean forbidden(InetAddress address, Purpose purpose) {
		return AddressRanges.in(AddressRanges.METADATA, address)
				|| (purpose == Purpose.INTEGRATION && AddressRanges.in(AddressRanges.NOT_PUBLIC, address));
	}

	private AllowList allowList() {
		String setting = this.fromSetting.get();
		Parsed parsed = this.parsedSetting;
		if (!parsed.text().equals(setting)) {
			// The dashboard validates the setting; entries that fail anyway (a value
			// written before this check existed) are skipped, the others still apply.
			List<String> errors = new ArrayList<>();
			parsed = new Parsed(setting, AllowList.parse(setting, errors));
			errors.forEach((error) -> log.warn("The {} setting has a bad entry: {}", SETTING, error));
			this.parsedSetting = parsed;
		}
		return this.fromEnvironment.and(parsed.list());
	}

	static String unbracket(String host) {
		return (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
	}

	/**
	 * What a call is for, which decides what it may reach.
	 */
	public enum Purpose {

		/**
		 * Webhooks, followed pages, the Cachet import, the mail server: public addresses
		 * only.
		 */
		INTEGRATION,

		/**
		 * Monitors: internal hosts too, but not link-local or cloud metadata addresses.
		 */
		MONITOR

	}

	/**
	 * Name resolution, replaceable in tests.
	 */
	@FunctionalInterface
	interface HostResolver {

		InetAddress[] resolve(String host) throws UnknownHostException;

	}

	private record Parsed(String text, AllowList list) {
	}

	/**
	 * For a refusal's message: the host and, when it differs, the address it resolved to.
	 */
	static String describe(String host, @Nullable InetAddress address) {
		String literal = (address != null) ? address.getHostAddress() : null;
		return (literal == null || unbracket(host).equalsIgnoreCase(literal)) ? host : host + " (" + literal + ")";
	}

}
