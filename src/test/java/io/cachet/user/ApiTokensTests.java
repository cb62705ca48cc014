package io.cachet.user;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiTokensTests {

	@Test
	void generatesDistinctAlphanumericTokens() {
		Set<String> tokens = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			tokens.add(ApiTokens.generate());
		}
		assertThat(tokens).hasSize(1000).allMatch((token) -> token.matches("[A-Za-z0-9]{40}"));
	}

	@Test
	void digestIsSha256Hex() {
		assertThat(ApiTokens.digest("abc"))
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	}

	@Test
	void comparesDigests() {
		assertThat(ApiTokens.digestsEqual(ApiTokens.digest("a"), ApiTokens.digest("a"))).isTrue();
		assertThat(ApiTokens.digestsEqual(ApiTokens.digest("a"), ApiTokens.digest("b"))).isFalse();
	}

}
