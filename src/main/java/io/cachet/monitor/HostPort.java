package io.cachet.monitor;

import java.util.Optional;

/**
 * A {@code host:port} target ({@code [v6]:port} for IPv6).
 */
record HostPort(String host, int port) {

	/**
	 * @param defaultPort the port when none is given, or -1 when one is required
	 */
	static Optional<HostPort> parse(String target, int defaultPort) {
		String value = target.strip();
		String host = value;
		int port = defaultPort;
		int colon = value.lastIndexOf(':');
		if (colon > 0 && value.indexOf(':') == colon || (value.startsWith("[") && value.contains("]:"))) {
			host = value.substring(0, colon);
			try {
				port = Integer.parseInt(value.substring(colon + 1));
			}
			catch (NumberFormatException ex) {
				return Optional.empty();
			}
		}
		if (host.startsWith("[") && host.endsWith("]")) {
			host = host.substring(1, host.length() - 1);
		}
		if (host.isEmpty() || port < 1 || port > 65535 || !host.matches("[A-Za-z0-9._:-]{1,253}")) {
			return Optional.empty();
		}
		return Optional.of(new HostPort(host, port));
	}

}
