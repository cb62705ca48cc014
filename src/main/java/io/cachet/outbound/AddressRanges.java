package io.cachet.outbound;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * The ranges the policy forbids by default (IANA's special-purpose registries, RFC 6890
 * and its updates), and the IPv4 address hidden in an IPv6 one.
 */
final class AddressRanges {

	/**
	 * Not reachable on the public internet, or not meant to be: an integration has no
	 * business there.
	 */
	static final List<IpAddressMatcher> NOT_PUBLIC = matchers(
			// IPv4: "this network" (0.0.0.0), private, CGNAT, loopback, link-local (cloud
			// metadata), IETF assignments, documentation, 6to4 relays, benchmarking,
			// multicast, reserved and the broadcast address
			"0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
			"192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24",
			"203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
			// IPv6: unspecified, loopback and IPv4-compatible, discard,
			// Teredo, documentation, local-use NAT64, unique local (incl. AWS's
			// fd00:ec2::254), link-local, site-local, multicast. IPv4-mapped addresses
			// are IPv4 addresses to Java, and checked as such.
			"::/96", "100::/64", "2001::/32", "2001:db8::/32", "64:ff9b:1::/48", "fc00::/7", "fe80::/10", "fec0::/10",
			"ff00::/8");

	/**
	 * Link-local addresses and the cloud metadata services: refused even for monitors,
	 * which may otherwise watch internal hosts.
	 */
	static final List<IpAddressMatcher> METADATA = matchers("169.254.0.0/16", "fe80::/10", "fd00:ec2::254/128",
			"100.100.100.200/32", // Alibaba Cloud metadata
			"192.0.0.192/32"); // Oracle Cloud metadata

	private AddressRanges() {
	}

	private static List<IpAddressMatcher> matchers(String... ranges) {
		return Arrays.stream(ranges).map(IpAddressMatcher::new).toList();
	}

	static boolean in(List<IpAddressMatcher> ranges, InetAddress address) {
		String literal = literal(address);
		return ranges.stream().anyMatch((range) -> range.matches(literal));
	}

	/**
	 * The address without an IPv6 scope ({@code %eth0}), as {@link IpAddressMatcher}
	 * reads it.
	 */
	static String literal(InetAddress address) {
		try {
			return InetAddress.getByAddress(address.getAddress()).getHostAddress();
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException("An address of 4 or 16 bytes is always valid", ex);
		}
	}

	/**
	 * @return the IPv4 address carried by an IPv4-mapped ({@code ::ffff:0:0/96}),
	 * IPv4-compatible ({@code ::/96}), NAT64 ({@code 64:ff9b::/96}) or 6to4
	 * ({@code 2002::/16}) address, which reaches that IPv4 address through a translator
	 */
	static @Nullable InetAddress embeddedIpv4(InetAddress address) {
		if (!(address instanceof Inet6Address)) {
			return null;
		}
		byte[] bytes = address.getAddress();
		boolean zeroPrefix = allZero(bytes, 0, 10);
		boolean mapped = zeroPrefix && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
		boolean compatible = zeroPrefix && bytes[10] == 0 && bytes[11] == 0;
		boolean nat64 = bytes[0] == 0 && bytes[1] == 0x64 && (bytes[2] & 0xff) == 0xff && (bytes[3] & 0xff) == 0x9b
				&& allZero(bytes, 4, 12);
		try {
			if (mapped || compatible || nat64) {
				return InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16));
			}
			if (bytes[0] == 0x20 && bytes[1] == 0x02) {
				return InetAddress.getByAddress(Arrays.copyOfRange(bytes, 2, 6));
			}
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException("Four bytes are always an IPv4 address", ex);
		}
		return null;
	}

	private static boolean allZero(byte[] bytes, int from, int to) {
		for (int i = from; i < to; i++) {
			if (bytes[i] != 0) {
				return false;
			}
		}
		return true;
	}

}
