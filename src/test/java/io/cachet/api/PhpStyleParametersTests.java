package io.cachet.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhpStyleParametersTests {

	@Test
	void readsPlainListAndMapKeys() {
		Map<String, String[]> parameters = new LinkedHashMap<>();
		parameters.put("name", new String[] { "API" });
		parameters.put("tags[]", new String[] { "a", "b" });
		parameters.put("vars[service]", new String[] { "api" });
		parameters.put("vars[region]", new String[] { "eu" });
		parameters.put("components[0][id]", new String[] { "1" });
		parameters.put("components[0][status]", new String[] { "3" });
		parameters.put("components[1][id]", new String[] { "2" });

		Map<String, Object> values = PhpStyleParameters.parse(parameters);

		assertThat(values.get("name")).isEqualTo("API");
		assertThat(values.get("tags")).isEqualTo(List.of("a", "b"));
		assertThat(values.get("vars")).isEqualTo(Map.of("service", "api", "region", "eu"));
		assertThat(values.get("components")).isEqualTo(List.of(Map.of("id", "1", "status", "3"), Map.of("id", "2")));
	}

	@Test
	void keepsMapsWithNumericButNonSequentialKeys() {
		Map<String, Object> values = PhpStyleParameters.parse(Map.of("components[4]", new String[] { "2" }));

		assertThat(values.get("components")).isEqualTo(Map.of("4", "2"));
	}

	@Test
	void acceptsNestingUpToPhpsLimit() {
		String key = "x" + "[a]".repeat(PhpStyleParameters.MAX_NESTING);

		Map<String, Object> values = PhpStyleParameters.parse(Map.of(key, new String[] { "deep" }));

		Object node = values.get("x");
		for (int i = 0; i < PhpStyleParameters.MAX_NESTING; i++) {
			node = ((Map<?, ?>) node).get("a");
		}
		assertThat(node).isEqualTo("deep");
	}

	@Test
	void refusesNestingDeeperThanPhpsLimit() {
		for (int depth : new int[] { PhpStyleParameters.MAX_NESTING + 1, 10_000 }) {
			Map<String, String[]> parameters = Map.of("x" + "[a]".repeat(depth), new String[] { "deep" });

			assertThatThrownBy(() -> PhpStyleParameters.parse(parameters)).isInstanceOf(ApiValidationException.class)
				.hasMessage("The x field is nested deeper than 64 levels.");
		}
	}

}
