package io.cachet.incident.internal;

import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.pebbletemplates.pebble.extension.Extension;
import io.pebbletemplates.pebble.extension.ExtensionCustomizer;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.lexer.Token;
import io.pebbletemplates.pebble.node.BodyNode;
import io.pebbletemplates.pebble.node.ForNode;
import io.pebbletemplates.pebble.node.RenderableNode;
import io.pebbletemplates.pebble.parser.Parser;
import io.pebbletemplates.pebble.template.EvaluationContextImpl;
import io.pebbletemplates.pebble.template.PebbleTemplateImpl;
import io.pebbletemplates.pebble.tokenParser.ForTokenParser;
import io.pebbletemplates.pebble.tokenParser.TokenParser;

/**
 * Cuts Pebble down to what an incident message needs, for every extension Pebble loads.
 * <ul>
 * <li>Tags: {@code if}, {@code for}, {@code autoescape} and {@code verbatim}.
 * {@code macro} (which can call itself), {@code set} (which carries a value from one loop
 * iteration to the next, so that it can double every time), {@code filter} (which renders
 * its body into a buffer of its own, beside the bounded output),
 * {@code include}/{@code extends}/{@code import}/{@code embed}/{@code block}, and
 * {@code parallel}/{@code cache}/{@code flush} are unknown tags, so a template using them
 * does not parse. Cachet's own sandbox allows less: only {@code if} and
 * {@code escape}.</li>
 * <li>Functions: {@code min} and {@code max}; {@code range} (and so {@code 1..n}),
 * {@code i18n}, {@code block} and {@code parent} are gone.</li>
 * <li>Every {@code for} body counts one iteration of the render's budget.</li>
 * <li>{@code replace} and {@code join}, whose output can be the product of their inputs'
 * sizes, check the size before they build it; {@code split} splits on the text it is
 * given, as Twig does, instead of on a regular expression that could backtrack for
 * ever.</li>
 * </ul>
 */
final class SandboxCustomizer extends ExtensionCustomizer {

	static final Set<String> TAGS = Set.of("if", "for", "autoescape", "verbatim");

	private static final Set<String> FUNCTIONS = Set.of("min", "max");

	SandboxCustomizer(Extension delegate) {
		super(delegate);
	}

	@Override
	public List<TokenParser> getTokenParsers() {
		List<TokenParser> parsers = super.getTokenParsers();
		if (parsers == null) {
			return null;
		}
		return parsers.stream()
			.filter((parser) -> TAGS.contains(parser.getTag()))
			.map((parser) -> (parser instanceof ForTokenParser) ? new CountingForTokenParser() : parser)
			.toList();
	}

	@Override
	public Map<String, Function> getFunctions() {
		Map<String, Function> functions = super.getFunctions();
		if (functions == null) {
			return null;
		}
		Map<String, Function> allowed = new HashMap<>(functions);
		allowed.keySet().retainAll(FUNCTIONS);
		return allowed;
	}

	@Override
	public Map<String, Filter> getFilters() {
		Map<String, Filter> filters = super.getFilters();
		if (filters == null) {
			return null;
		}
		Map<String, Filter> bounded = new HashMap<>(filters);
		bounded.computeIfPresent("replace", (name, filter) -> new BoundedFilters.Replace());
		bounded.computeIfPresent("join", (name, filter) -> new BoundedFilters.Join());
		bounded.computeIfPresent("split", (name, filter) -> new BoundedFilters.Split());
		return bounded;
	}

	/** Pebble's {@code for}, with a body that counts its iterations. */
	private static final class CountingForTokenParser implements TokenParser {

		private final ForTokenParser delegate = new ForTokenParser();

		@Override
		public String getTag() {
			return this.delegate.getTag();
		}

		@Override
		public RenderableNode parse(Token token, Parser parser) {
			ForNode loop = (ForNode) this.delegate.parse(token, parser);
			return new ForNode(loop.getLineNumber(), loop.getIterationVariable(), loop.getIterable(),
					new CountingBody(loop.getBody()), loop.getElseBody());
		}

	}

	private static final class CountingBody extends BodyNode {

		CountingBody(BodyNode body) {
			super(body.getLineNumber(), body.getChildren());
		}

		@Override
		public void render(PebbleTemplateImpl self, Writer writer, EvaluationContextImpl context) throws IOException {
			TemplateBudget.current().iterate();
			super.render(self, writer, context);
		}

	}

}
