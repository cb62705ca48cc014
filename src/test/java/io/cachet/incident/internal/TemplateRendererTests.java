package io.cachet.incident.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import io.cachet.shared.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sandbox: templates that work keep working, and every way a template could exhaust
 * the server ends quickly in an {@link InvalidInputException} that names the problem.
 */
class TemplateRendererTests {

	private static final TemplateRenderer renderer = new TemplateRenderer();

	private static final Map<String, Object> INCIDENT = Map.of("name", "Payments", "status", 2, "occurred_at",
			"2026-11-02T08:00:00Z");

	@AfterAll
	static void stopWorkers() {
		renderer.close();
	}

	@Test
	void rendersVariablesConditionsLoopsAndFilters() {
		String template = """
				{{ service }} is {% if incident.status == 2 %}degraded{% elseif incident.status == 4 %}down{% else %}fine{% endif %} \
				since {{ incident.occurred_at }}.
				{% for region in regions %}{{ loop.index }}. {{ region.name | upper }}{% if not loop.last %}, {% endif %}{% else %}none{% endfor %}
				{{ regions | length }} regions: {{ names | join(', ') }}; {{ 'a.b' | split('.') | last }}; \
				{{ missing | default('n/a') }}; {{ "50%" | replace({'%': ' percent'}) }}; {{ [1, 2] | join('+') }}; \
				{{ service ~ '!' }} {{ max(1, 3) }}{% if names is empty %}!{% endif %}{% if names contains 'EU' %} EU{% endif %}""";

		String out = renderer.render(template,
				Map.of("service", "The API", "regions", List.of(Map.of("name", "eu"), Map.of("name", "us")), "names",
						List.of("EU", "US"), "incident", INCIDENT));

		assertThat(out).isEqualTo("""
				The API is degraded since 2026-11-02T08:00:00Z.
				0. EU, 1. US
				2 regions: EU, US; b; n/a; 50 percent; 1+2; The API! 3 EU""");
	}

	@Test
	void callsNoJavaMethod() {
		assertRefusedQuickly(() -> renderer.render("{{ incident.getClass().forName('java.lang.Runtime') }}",
				Map.of("incident", INCIDENT)), "denied");
	}

	@Test
	void refusesMacrosThatCouldCallThemselves() {
		String recursive = "{% macro boom(n) %}{{ boom(n) }}{% endmacro %}{{ boom(1) }}";

		assertRefusedQuickly(() -> renderer.check(recursive),
				"the tag \"macro\" is not allowed in incident templates (allowed: autoescape, for, if, verbatim)");
		assertRefusedQuickly(() -> renderer.render(recursive, Map.of()), "macro");
	}

	@Test
	void refusesTheOtherTagsThatLoadOrCarryState() {
		for (String tag : List.of("{% set x = 1 %}", "{% include 'x' %}", "{% extends 'x' %}", "{% import 'x' %}",
				"{% block b %}{% endblock %}", "{% parallel %}{% endparallel %}",
				"{% filter upper %}x{% endfilter %}")) {
			assertRefusedQuickly(() -> renderer.check(tag), tag.substring(3, tag.indexOf(' ', 3)));
		}
		assertRefusedQuickly(() -> renderer.render("{% for i in 1..100000000 %}{% endfor %}", Map.of()), "range");
	}

	@Test
	void refusesBracketsNestedThousandsDeep() {
		String deep = "{{ " + "(".repeat(5000) + "1" + ")".repeat(5000) + " }}";

		assertRefusedQuickly(() -> renderer.check(deep), "brackets too deeply");
		assertRefusedQuickly(() -> renderer.render(deep, Map.of()), "brackets too deeply");
		assertRefusedQuickly(() -> renderer.check("{{ " + "[".repeat(40) + " }}"), "brackets too deeply");
		assertRefusedQuickly(() -> renderer.check("{% if a %}".repeat(40)), "blocks");
	}

	@Test
	void refusesOperatorChainsTooDeepForTheStack() {
		String deep = "{{ " + "-".repeat(60_000) + "1 }}";

		assertRefusedQuickly(() -> renderer.render(deep, Map.of()), "nested too deeply");
	}

	@Test
	void stopsNestedLoopsThatWouldRunForMinutes() {
		List<Integer> hundred = java.util.stream.IntStream.range(0, 100).boxed().toList();
		String nested = "{% for a in n %}{% for b in n %}{% for c in n %}{% for d in n %}x{% endfor %}{% endfor %}"
				+ "{% endfor %}{% endfor %}";
		String silent = "{% for a in n %}{% for b in n %}{% for c in n %}{% for d in n %}{% endfor %}{% endfor %}"
				+ "{% endfor %}{% endfor %}";

		assertRefusedQuickly(() -> renderer.render(nested, Map.of("n", hundred)), "loops run too often");
		assertRefusedQuickly(() -> renderer.render(silent, Map.of("n", hundred)), "loops run too often");
	}

	@Test
	void stopsARenderAtItsDeadline() {
		List<Integer> many = java.util.stream.IntStream.range(0, 9_000).boxed().toList();
		String slow = "{% for i in many %}{{ big | replace({'a': 'b'}) | replace({'b': 'a'}) | replace({'a': 'b'}) "
				+ "| replace({'b': 'a'}) | length }}{% endfor %}";

		assertRefusedQuickly(() -> renderer.render(slow, Map.of("many", many, "big", "a".repeat(50_000))),
				"takes too long");
	}

	@Test
	void refusesOutputOverTheLimit() {
		List<String> rows = java.util.stream.IntStream.range(0, 5_000).mapToObj((i) -> "row").toList();

		assertRefusedQuickly(() -> renderer.render("{% for r in rows %}{{ text }}{% endfor %}",
				Map.of("rows", rows, "text", "x".repeat(50))), "writes too much");
	}

	@Test
	void refusesValuesThatGrowTooLarge() {
		String doubling = "{% for a in [s ~ s] %}{% for b in [a ~ a] %}{% for c in [b ~ b] %}{% for d in [c ~ c] %}"
				+ "{{ d | length }}{% endfor %}{% endfor %}{% endfor %}{% endfor %}";
		String selfNesting = "{% for a in [[s, s, s, s]] %}{% for b in [[a, a, a, a]] %}{% for c in [[b, b, b, b]] %}"
				+ "{% for d in [[c, c, c, c]] %}{% for e in [[d, d, d, d]] %}{{ e }}{% endfor %}{% endfor %}"
				+ "{% endfor %}{% endfor %}{% endfor %}";
		String squaring = "{{ s | replace({'a': s}) | replace({'a': s}) | length }}";
		String joined = "{{ [s, s, s, s, s, s, s, s, s, s] | join(s) | length }}";

		Map<String, Object> vars = Map.of("s", "a".repeat(10_000));
		assertRefusedQuickly(() -> renderer.render(doubling, vars), "Too large");
		assertRefusedQuickly(() -> renderer.render(selfNesting, vars), "Too large");
		assertRefusedQuickly(() -> renderer.render(squaring, vars), "Too large");
		assertRefusedQuickly(() -> renderer.render(joined, vars), "Too large");
	}

	@Test
	void refusesVariablesOverTheLimit() {
		assertRefusedQuickly(() -> renderer.render("{{ x | length }}", Map.of("x", "y".repeat(200_000))),
				"Too large: the template's variables");
	}

	@Test
	void refusesTextOverTheLimit() {
		assertRefusedQuickly(() -> renderer.check("x".repeat(TemplateSource.MAX_CHARS + 1)), "too long");
	}

	@Test
	void splitsOnTextNotOnARegularExpression() {
		String evil = "{{ s | split('(a+)+$') | length }}";

		assertThat(renderer.render(evil, Map.of("s", "a".repeat(5_000) + "b"))).isEqualTo("1");
		assertThat(renderer.render("{{ 'a.b.c' | split('.', 2) | first }}", Map.of())).isEqualTo("a");
	}

	@Test
	void turnsFilterFailuresIntoInvalidInput() {
		assertRefusedQuickly(() -> renderer.render("{{ xs | sort }}", Map.of("xs", List.of(1, "a", Map.of()))),
				"could not be rendered");
		assertRefusedQuickly(() -> renderer.check("{{ unclosed"), "The template is invalid");
	}

	/**
	 * Refused for what it is: a refusal other than the time budget's must not come from
	 * the budget ("takes too long to render"), and the budget's must come at all, well
	 * before a loaded machine could make a generous bound flaky (the budget is 1 s).
	 */
	private static void assertRefusedQuickly(ThrowingCallable call, String problem) {
		long start = System.nanoTime();
		var refused = assertThatThrownBy(call).isInstanceOf(InvalidInputException.class).hasMessageContaining(problem);
		if (!problem.startsWith("takes too long")) {
			refused.message().doesNotContain("takes too long to render");
		}
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
	}

}
