package io.cachet.incident.internal;

import java.io.Writer;

/**
 * Collects a render's output and refuses to grow past {@link #MAX_CHARS}; every write is
 * a step of the render's budget, so a loop that only prints still meets its deadline.
 */
final class BoundedWriter extends Writer {

	static final int MAX_CHARS = 100_000;

	private final StringBuilder out = new StringBuilder();

	private final TemplateBudget budget;

	BoundedWriter(TemplateBudget budget) {
		this.budget = budget;
	}

	@Override
	public void write(char[] chars, int offset, int length) {
		this.budget.tick();
		if (this.out.length() + (long) length > MAX_CHARS) {
			throw new TemplateRefusedException(
					"The template writes too much (more than " + MAX_CHARS + " characters).");
		}
		this.out.append(chars, offset, length);
	}

	@Override
	public void write(String text, int offset, int length) {
		this.budget.tick();
		if (this.out.length() + (long) length > MAX_CHARS) {
			throw new TemplateRefusedException(
					"The template writes too much (more than " + MAX_CHARS + " characters).");
		}
		this.out.append(text, offset, offset + length);
	}

	@Override
	public void flush() {
	}

	@Override
	public void close() {
	}

	@Override
	public String toString() {
		return this.out.toString();
	}

}
