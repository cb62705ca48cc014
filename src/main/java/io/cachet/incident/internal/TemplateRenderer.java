package io.cachet.incident.internal;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.loader.MemoryLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;

import org.springframework.stereotype.Component;

import io.cachet.shared.InvalidInputException;

/**
 * Renders incident templates, written in Twig syntax as in Cachet, with Pebble in a
 * sandbox. Users write these templates and the variables, so a render is bounded in every
 * way that could hurt the server:
 * <ul>
 * <li>no Java method can be called on any value (only map keys, filters and tests), and
 * no other template or file can be loaded;</li>
 * <li>the text is at most {@value TemplateSource#MAX_CHARS} characters, nested at most
 * {@value TemplateSource#MAX_NESTING} levels, checked before Pebble parses it;</li>
 * <li>only the tags, functions and filters of {@link SandboxCustomizer}: no macros (no
 * recursion) and no {@code set} (no growth from one loop iteration to the next);</li>
 * <li>every render has a budget ({@link TemplateBudget}): 1 s, 10,000 loop iterations, no
 * value over 100,000 characters and items ({@link ExpressionGuard}), and 100,000
 * characters of output ({@link BoundedWriter});</li>
 * <li>parsing and rendering run on {@link TemplateWorkers}' small-stack threads.</li>
 * </ul>
 * Whatever goes wrong with a template is an {@link InvalidInputException} naming the
 * problem (a 400 on the API, a form error on the dashboard), never a 500.
 *
 * <p>
 * The renderer never touches the database; {@code IncidentService} calls it outside its
 * transactions, so a slow render holds no connection.
 */
@Component
public class TemplateRenderer implements AutoCloseable {

	private final PebbleEngine engine = new PebbleEngine.Builder().loader(new MemoryLoader())
		.methodAccessValidator(TemplateRenderer::loopVariable)
		.registerExtensionCustomizer(SandboxCustomizer::new)
		.extension(new ExpressionGuard())
		.autoEscaping(false)
		.newLineTrimming(false)
		.strictVariables(false)
		.cacheActive(false)
		.build();

	private static final Pattern UNKNOWN_TAG = Pattern.compile("Unexpected tag name \"(\\w+)\"");

	private final TemplateWorkers workers = new TemplateWorkers();

	/**
	 * @throws InvalidInputException if the template does not parse or breaks a limit of
	 * the sandbox
	 */
	public void check(String template) {
		this.workers.run(() -> parse(template));
	}

	/**
	 * @param context the variables; nested maps are reached with dots
	 * ({@code incident.name})
	 * @throws InvalidInputException if the template does not parse, fails to render, or
	 * breaks a limit of the sandbox
	 */
	public String render(String template, Map<String, Object> context) {
		refusedAsInvalid(() -> TemplateBudget.checkSize(context, "the template's variables"));
		return this.workers.run(() -> {
			PebbleTemplate parsed = parse(template);
			BoundedWriter out = new BoundedWriter(TemplateBudget.current());
			try {
				parsed.evaluate(out, new HashMap<>(context));
				return out.toString();
			}
			catch (TemplateRefusedException ex) {
				throw invalid(ex);
			}
			catch (PebbleException ex) {
				throw refusal(ex).map(TemplateRenderer::invalid)
					.orElseGet(() -> new InvalidInputException("The template could not be rendered: " + summary(ex)));
			}
			catch (IOException | RuntimeException ex) {
				throw refusal(ex).map(TemplateRenderer::invalid)
					.orElseGet(() -> new InvalidInputException(
							"The template could not be rendered: a filter, test or operator got a value it cannot handle."));
			}
		});
	}

	@Override
	public void close() {
		this.workers.close();
	}

	private PebbleTemplate parse(String template) {
		try {
			TemplateSource.check(template);
			return this.engine.getLiteralTemplate(template);
		}
		catch (TemplateRefusedException ex) {
			throw invalid(ex);
		}
		catch (PebbleException ex) {
			throw refusal(ex).map(TemplateRenderer::invalid)
				.orElseGet(() -> new InvalidInputException("The template is invalid: " + explained(ex)));
		}
	}

	/** Pebble knows the tags the sandbox removed only as unexpected ones; say why. */
	private static String explained(PebbleException ex) {
		Matcher tag = UNKNOWN_TAG.matcher(String.valueOf(ex.getPebbleMessage()));
		if (tag.matches()) {
			return "the tag \"" + tag.group(1) + "\" is not allowed in incident templates (allowed: "
					+ String.join(", ", new TreeSet<>(SandboxCustomizer.TAGS)) + ")"
					+ ((ex.getLineNumber() != null) ? " (line " + ex.getLineNumber() + ")" : "") + ".";
		}
		return summary(ex);
	}

	/**
	 * The only methods a template may call are the getters behind {@code loop.index},
	 * {@code loop.first}, {@code loop.last}… of Pebble's own loop variable.
	 */
	private static boolean loopVariable(Object object, Method method) {
		return method.getDeclaringClass() == object.getClass()
				&& object.getClass().getName().equals("io.pebbletemplates.pebble.node.ForNode$LoopVariables");
	}

	private static void refusedAsInvalid(Runnable check) {
		try {
			check.run();
		}
		catch (TemplateRefusedException ex) {
			throw invalid(ex);
		}
	}

	/**
	 * Pebble wraps what its nodes throw; the sandbox's own refusal is the real reason.
	 */
	private static Optional<TemplateRefusedException> refusal(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof TemplateRefusedException refused) {
				return Optional.of(refused);
			}
		}
		return Optional.empty();
	}

	private static InvalidInputException invalid(TemplateRefusedException ex) {
		return new InvalidInputException(ex.getMessage());
	}

	private static String summary(PebbleException ex) {
		String message = ex.getPebbleMessage();
		String line = (ex.getLineNumber() != null) ? " (line " + ex.getLineNumber() + ")" : "";
		return ((message != null) ? message : ex.getClass().getSimpleName()) + line;
	}

}
