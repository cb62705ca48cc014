package io.cachet.outbound;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * Host names and CIDR ranges that the policy allows although they are forbidden by
 * default: {@code 127.0.0.0/8,::1/128,hooks.internal.example}. Ranges are matched by
 * Spring Security's {@link IpAddressMatcher}; a bare address is a range of one. Host
 * names match exactly (case-insensitive, without a trailing dot): allowing a name trusts
 * every address it resolves to.
 */
final class AllowList {

	static final AllowList EMPTY = new AllowList(Set.of(), List.of());

	private static final Pattern IPV4 = Pattern
		.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

	private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

	private static final Pattern HOST = Pattern
		.compile("(?i)[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*");

	private final Set<String> hosts;

	private final List<IpAddressMatcher> ranges;

	private AllowList(Set<String> hosts, List<IpAddressMatcher> ranges) {
		this.hosts = hosts;
		this.ranges = ranges;
	}

	/**
	 * @throws IllegalArgumentException naming the first entry that is neither a host name
	 * nor an address or CIDR range
	 */
	static AllowList parse(String text) {
		List<String> errors = new ArrayList<>();
		AllowList list = parse(text, errors);
		if (!errors.isEmpty()) {
			throw new IllegalArgumentException(errors.get(0));
		}
		return list;
	}

	/**
	 * @param errors receives one message per bad entry
	 * @return the good entries
	 */
	static AllowList parse(String text, List<String> errors) {
		Set<String> hosts = new LinkedHashSet<>();
		List<IpAddressMatcher> ranges = new ArrayList<>();
		for (String raw : text.split("[,\\s]+")) {
			String entry = raw.strip();
			if (entry.isEmpty()) {
				continue;
			}
			// [::1] and [::1]/128, as addresses are written in URLs
			String unbracketed = entry.replaceFirst("^\\[([^\\]]*)\\]", "$1");
			int slash = unbracketed.indexOf('/');
			String address = (slash >= 0) ? unbracketed.substring(0, slash) : unbracketed;
			boolean ipv4 = IPV4.matcher(address).matches();
			boolean ipv6 = IPV6.matcher(address).matches();
			if (ipv4 || ipv6) {
				IpAddressMatcher range = range(unbracketed, slash, ipv4);
				if (range == null) {
					errors.add("\"" + entry + "\" is not a valid address or CIDR range");
				}
				else {
					ranges.add(range);
				}
			}
			else if (slash < 0 && !address.matches("[\\d.]+") && entry.length() <= 253
					&& HOST.matcher(stripDot(entry)).matches()) {
				hosts.add(stripDot(entry).toLowerCase(Locale.ROOT));
			}
			else {
				errors.add("\"" + entry + "\" is not a host name, an address or a CIDR range");
			}
		}
		return new AllowList(Set.copyOf(hosts), List.copyOf(ranges));
	}

	private static @Nullable IpAddressMatcher range(String entry, int slash, boolean ipv4) {
		if (slash >= 0) {
			String bits = entry.substring(slash + 1);
			if (!bits.matches("\\d{1,3}") || Integer.parseInt(bits) > (ipv4 ? 32 : 128)) {
				return null;
			}
		}
		try {
			return new IpAddressMatcher(entry);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	static String stripDot(String host) {
		return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
	}

	AllowList and(AllowList other) {
		if (other.isEmpty()) {
			return this;
		}
		if (isEmpty()) {
			return other;
		}
		Set<String> hosts = new LinkedHashSet<>(this.hosts);
		hosts.addAll(other.hosts);
		List<IpAddressMatcher> ranges = new ArrayList<>(this.ranges);
		ranges.addAll(other.ranges);
		return new AllowList(Set.copyOf(hosts), List.copyOf(ranges));
	}

	boolean isEmpty() {
		return this.hosts.isEmpty() && this.ranges.isEmpty();
	}

	boolean allowsHost(String host) {
		return this.hosts.contains(stripDot(host).toLowerCase(Locale.ROOT));
	}

	boolean allows(InetAddress address) {
		String literal = AddressRanges.literal(address);
		return this.ranges.stream().anyMatch((range) -> range.matches(literal));
	}

}
