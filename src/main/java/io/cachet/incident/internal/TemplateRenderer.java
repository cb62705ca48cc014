package io.cachet.incident.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.Extension;
import io.pebbletemplates.pebble.extension.ExtensionCustomizer;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.loader.MemoryLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;

import org.springframework.stereotype.Component;

import io.cachet.shared.InvalidInputException;

/**
 * Renders incident templates, written in Twig syntax as in Cachet, with Pebble in a
 * sandbox: no Java method can be called on any value (only map keys, filters and tests),
 * no other template or file can be loaded, the {@code i18n} and {@code range} functions
 * are gone, and the output is bounded.
 */
@Component
public class TemplateRenderer {

	static final int MAX_OUTPUT_CHARS = 100_000;

	private final PebbleEngine engine = new PebbleEngine.Builder().loader(new MemoryLoader())
		.methodAccessValidator((object, method) -> false)
		.registerExtensionCustomizer(SandboxCustomizer::new)
		.autoEscaping(false)
		.newLineTrimming(false)
		.strictVariables(false)
		.cacheActive(false)
		.maxRenderedSize(MAX_OUTPUT_CHARS)
		.build();

	/**
	 * @throws InvalidInputException if the template does not parse
	 */
	public void check(String template) {
		parse(template);
	}

	/**
	 * @param context the variables; nested maps are reached with dots
	 * ({@code incident.name})
	 * @throws InvalidInputException if the template does not parse or fails to render
	 */
	public String render(String template, Map<String, Object> context) {
		PebbleTemplate parsed = parse(template);
		StringWriter out = new StringWriter();
		try {
			parsed.evaluate(out, new HashMap<>(context));
			return out.toString();
		}
		catch (PebbleException | IOException ex) {
			throw new InvalidInputException("The template could not be rendered: " + summary(ex));
		}
	}

	private PebbleTemplate parse(String template) {
		try {
			return this.engine.getLiteralTemplate(template);
		}
		catch (PebbleException ex) {
			throw new InvalidInputException("The template is invalid: " + summary(ex));
		}
	}

	private static String summary(Exception ex) {
		String message = (ex instanceof PebbleException pebble) ? pebble.getPebbleMessage() : ex.getMessage();
		return (message != null) ? message : ex.getClass().getSimpleName();
	}

	private static final class SandboxCustomizer extends ExtensionCustomizer {

		SandboxCustomizer(Extension delegate) {
			super(delegate);
		}

		@Override
		public Map<String, Function> getFunctions() {
			Map<String, Function> functions = super.getFunctions();
			if (functions == null) {
				return null;
			}
			Map<String, Function> allowed = new HashMap<>(functions);
			allowed.remove("i18n");
			allowed.remove("range");
			return allowed;
		}

	}

}
