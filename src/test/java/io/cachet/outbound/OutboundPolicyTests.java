package io.cachet.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.cachet.outbound.OutboundPolicy.Purpose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Which addresses the policy refuses, with a resolver that answers what each test needs
 * (no DNS is asked, no address is contacted).
 */
class OutboundPolicyTests {

	/** Names resolve to the address literal they are given, or through the map. */
	private static OutboundPolicy.HostResolver literal(Map<String, String> names) {
		return (host) -> {
			String name = host.toLowerCase(java.util.Locale.ROOT).replaceFirst("\\.$", "");
			return new InetAddress[] { InetAddress.getByName(names.getOrDefault(name, host)) };
		};
	}

	private static OutboundPolicy policy(String allow) {
		return new OutboundPolicy(allow, () -> "", literal(Map.of()));
	}

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
			"169.254.169.254", "169.254.0.1", "100.64.0.1", "100.127.255.254", "0.0.0.0", "0.1.2.3", "255.255.255.255",
			"224.0.0.1", "239.1.1.1", "240.0.0.1", "192.0.2.1", "198.18.0.1", "::1", "::", "fe80::1", "fd00:ec2::254",
			"fc00::1", "fd12:3456::1", "ff02::1", "fec0::1", "::ffff:127.0.0.1", "::ffff:169.254.169.254",
			"::ffff:10.0.0.1", "::127.0.0.1", "64:ff9b::a9fe:a9fe", "64:ff9b::7f00:1", "2002:7f00:1::",
			"2002:a9fe:a9fe::1", "[::1]", "[fd00:ec2::254]" })
	void integrationsAreRefusedInternalAndReservedAddresses(String address) {
		assertThatExceptionOfType(OutboundRefusedException.class)
			.isThrownBy(() -> policy("").resolve(address, Purpose.INTEGRATION))
			.withMessageContaining(OutboundPolicy.REFUSAL);
	}

	@ParameterizedTest
	@ValueSource(strings = { "93.184.216.34", "8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "2606:4700::1111",
			"2a00:1450:4001::200e", "64:ff9b::808:808", "2002:808:808::1" })
	void integrationsMayCallPublicAddresses(String address) throws Exception {
		assertThat(policy("").resolve(address, Purpose.INTEGRATION)).hasSize(1);
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "127.0.0.1", "10.1.2.3", "192.168.1.1", "172.16.0.1", "100.64.0.1", "::1", "fd12:3456::1" })
	void monitorsMayWatchInternalHosts(String address) throws Exception {
		assertThat(policy("").resolve(address, Purpose.MONITOR)).hasSize(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "169.254.169.254", "169.254.170.2", "fe80::1", "fd00:ec2::254", "::ffff:169.254.169.254",
			"64:ff9b::a9fe:a9fe", "100.100.100.200" })
	void monitorsAreRefusedLinkLocalAndMetadataAddresses(String address) {
		assertThatExceptionOfType(OutboundRefusedException.class)
			.isThrownBy(() -> policy("").resolve(address, Purpose.MONITOR));
	}

	@Test
	void aNameIsRefusedWhenAnyOfItsAddressesIsForbidden() {
		OutboundPolicy policy = new OutboundPolicy("", () -> "", (host) -> new InetAddress[] {
				InetAddress.getByName("93.184.216.34"), InetAddress.getByName("127.0.0.1") });
		assertThatExceptionOfType(OutboundRefusedException.class)
			.isThrownBy(() -> policy.resolve("mixed.example", Purpose.INTEGRATION))
			.withMessage("mixed.example (127.0.0.1): " + OutboundPolicy.REFUSAL);
	}

	@Test
	void localhostIsRefusedThroughTheSystemResolver() {
		OutboundPolicy policy = new OutboundPolicy("", () -> "", InetAddress::getAllByName);
		assertThatExceptionOfType(OutboundRefusedException.class)
			.isThrownBy(() -> policy.resolve("localhost", Purpose.INTEGRATION));
	}

	@Test
	void theEnvironmentAllowsRangesAndNames() throws Exception {
		OutboundPolicy policy = new OutboundPolicy("127.0.0.0/8, [::1]/128,hooks.internal.example", () -> "",
				literal(Map.of("hooks.internal.example", "10.0.0.5", "other.example", "10.0.0.5")));
		assertThat(policy.resolve("127.0.0.1", Purpose.INTEGRATION)).hasSize(1);
		assertThat(policy.resolve("::1", Purpose.INTEGRATION)).hasSize(1);
		assertThat(policy.resolve("HOOKS.internal.example.", Purpose.INTEGRATION)).hasSize(1);
		assertThatExceptionOfType(OutboundRefusedException.class)
			.isThrownBy(() -> policy.resolve("other.example", Purpose.INTEGRATION));
		assertThatExceptionOfType(OutboundRefusedException.class)
			.isThrownBy(() -> policy.resolve("10.0.0.5", Purpose.INTEGRATION));
	}

	@Test
	void theAdminSettingAddsToTheEnvironmentAndAppliesAtOnce() throws Exception {
		AtomicReference<String> setting = new AtomicReference<>("");
		OutboundPolicy policy = new OutboundPolicy("127.0.0.1", setting::get, literal(Map.of()));
		assertThatExceptionOfType(OutboundRefusedException.class)
			.isThrownBy(() -> policy.resolve("10.1.2.3", Purpose.INTEGRATION));
		setting.set("10.1.2.0/24");
		assertThat(policy.resolve("10.1.2.3", Purpose.INTEGRATION)).hasSize(1);
		assertThat(policy.resolve("127.0.0.1", Purpose.INTEGRATION)).hasSize(1);
		setting.set("");
		assertThatExceptionOfType(OutboundRefusedException.class)
			.isThrownBy(() -> policy.resolve("10.1.2.3", Purpose.INTEGRATION));
	}

	@Test
	void allowingMetadataIsPossibleForMonitorsToo() throws Exception {
		assertThat(policy("169.254.169.254/32").resolve("169.254.169.254", Purpose.MONITOR)).hasSize(1);
	}

	/**
	 * DNS rebinding: the name answers an allowed address to the first lookup and a
	 * forbidden one to the next; each lookup is checked on its own.
	 */
	@Test
	void eachResolutionIsCheckedSoARebindingNameIsRefused() throws Exception {
		Deque<String> answers = new ArrayDeque<>(List.of("93.184.216.34", "127.0.0.1"));
		OutboundPolicy policy = new OutboundPolicy("", () -> "",
				(host) -> new InetAddress[] { InetAddress.getByName(answers.pop()) });
		assertThat(policy.resolve("rebind.example", Purpose.INTEGRATION))
			.containsExactly(InetAddress.getByName("93.184.216.34"));
		assertThatExceptionOfType(OutboundRefusedException.class)
			.isThrownBy(() -> policy.resolve("rebind.example", Purpose.INTEGRATION));
	}

	@Test
	void savingChecksLiteralsAndResolvedNamesButLetsUnknownNamesThrough() {
		OutboundPolicy policy = new OutboundPolicy("", () -> "", (host) -> {
			if (host.equals("nowhere.invalid")) {
				throw new UnknownHostException(host);
			}
			return new InetAddress[] { InetAddress.getByName(host.equals("internal.example") ? "10.0.0.1" : host) };
		});
		assertThatExceptionOfType(OutboundNotAllowedException.class)
			.isThrownBy(() -> policy.checkUrl("http://169.254.169.254/latest/meta-data/", Purpose.INTEGRATION))
			.withMessageContaining(OutboundPolicy.REFUSAL);
		assertThatExceptionOfType(OutboundNotAllowedException.class)
			.isThrownBy(() -> policy.checkUrl("https://[::1]:8443/hook", Purpose.INTEGRATION));
		assertThatExceptionOfType(OutboundNotAllowedException.class)
			.isThrownBy(() -> policy.checkUrl("https://internal.example/hook", Purpose.INTEGRATION));
		assertThatNoException().isThrownBy(() -> policy.checkUrl("https://nowhere.invalid/", Purpose.INTEGRATION));
		assertThatNoException().isThrownBy(() -> policy.checkUrl("https://93.184.216.34/", Purpose.INTEGRATION));
	}

	@Test
	void badAllowListEntriesAreNamed() {
		assertThat(OutboundPolicy.invalidEntries("10.0.0.0/8, ::1/128, [fd00::]/8, hooks.example, 192.168.1.7"))
			.isEmpty();
		assertThat(OutboundPolicy.invalidEntries("10.0.0.0/33,999.1.1.1,not a host!,::1/129,10.0.0.0/x,1.2.3"))
			.hasSize(6)
			.anySatisfy((error) -> assertThat(error).contains("10.0.0.0/33"))
			.anySatisfy((error) -> assertThat(error).contains("999.1.1.1"))
			.anySatisfy((error) -> assertThat(error).contains("host!"))
			.anySatisfy((error) -> assertThat(error).contains("::1/129"));
	}

	@Test
	void aBadEnvironmentListStopsTheStart() {
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> policy("10.0.0.0/99"))
			.withMessageContaining("CACHET_OUTBOUND_ALLOW");
	}

}
