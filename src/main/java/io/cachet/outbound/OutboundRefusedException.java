package io.cachet.outbound;

import java.io.IOException;
import java.net.InetAddress;

import org.jspecify.annotations.Nullable;

/**
 * A call was not made because the policy forbids its address. An {@link IOException}, so
 * that code which reports a failed call (a webhook delivery, an upstream fetch) reports
 * this one with its reason.
 */
public class OutboundRefusedException extends IOException {

	OutboundRefusedException(String host, @Nullable InetAddress address) {
		super(OutboundPolicy.describe(host, address) + ": " + OutboundPolicy.REFUSAL);
	}

	OutboundRefusedException(String message) {
		super(message);
	}

}
