package io.cachet.cachetimport;

/**
 * Told what an import is doing, as it goes.
 */
@FunctionalInterface
public interface ImportProgress {

	ImportProgress NONE = (step) -> {
	};

	/**
	 * @param step a short human sentence, such as "Read 120 of 240 metric points"
	 */
	void report(String step);

}
