package io.cachet.incident.internal;

/**
 * Checks a template's text before Pebble parses it. Pebble's parser recurses once for
 * every bracket and every block, so {@code {{ ((((…5000…)))) }}} would overflow its
 * stack; a linear scan refuses such text first, with a message that says what is wrong.
 */
final class TemplateSource {

	/** The size of the {@code incident_templates.template} column on MySQL (TEXT). */
	static final int MAX_CHARS = 65_535;

	/** Real templates nest two or three levels; Twig's own limit is far higher. */
	static final int MAX_NESTING = 32;

	private TemplateSource() {
	}

	/**
	 * @throws TemplateRefusedException for text that is too long or nested too deeply
	 */
	static void check(String template) {
		if (template.length() > MAX_CHARS) {
			throw new TemplateRefusedException(
					"The template is too long (" + template.length() + " characters, at most " + MAX_CHARS + ").");
		}
		int brackets = 0;
		int blocks = 0;
		char quote = 0;
		boolean inTag = false;
		for (int i = 0; i < template.length(); i++) {
			char c = template.charAt(i);
			char next = (i + 1 < template.length()) ? template.charAt(i + 1) : 0;
			if (!inTag) {
				if (c == '{' && (next == '{' || next == '%')) {
					inTag = true;
					brackets = 0;
					quote = 0;
					if (next == '%') {
						blocks += blockChange(template, i + 2);
						tooDeep(blocks, "blocks ({% if %}, {% for %}…)");
					}
					i++;
				}
			}
			else if (quote != 0) {
				if (c == '\\') {
					i++;
				}
				else if (c == quote) {
					quote = 0;
				}
			}
			else if (c == '\'' || c == '"') {
				quote = c;
			}
			else if (c == '(' || c == '[' || c == '{') {
				tooDeep(++brackets, "brackets");
			}
			else if (c == ')' || c == ']' || c == '}') {
				if (brackets > 0) {
					brackets--;
				}
				else if (next == '}') {
					inTag = false;
					i++;
				}
			}
			else if (c == '%' && next == '}') {
				inTag = false;
				brackets = 0;
				i++;
			}
		}
	}

	/** +1 for a tag that opens a block, -1 for one that closes it, 0 otherwise. */
	private static int blockChange(String template, int from) {
		int start = from;
		while (start < template.length() && (template.charAt(start) == '-' || template.charAt(start) == '~'
				|| Character.isWhitespace(template.charAt(start)))) {
			start++;
		}
		int end = start;
		while (end < template.length() && Character.isLetter(template.charAt(end))) {
			end++;
		}
		String tag = template.substring(start, end);
		if (tag.startsWith("end")) {
			return -1;
		}
		return switch (tag) {
			case "if", "for", "filter", "autoescape", "verbatim", "macro", "block", "embed", "cache", "parallel" -> 1;
			default -> 0;
		};
	}

	private static void tooDeep(int depth, String what) {
		if (depth > MAX_NESTING) {
			throw new TemplateRefusedException(
					"The template nests " + what + " too deeply (more than " + MAX_NESTING + " levels).");
		}
	}

}
