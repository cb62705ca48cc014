package io.cachet.shared;

/**
 * Whether a write reaches anybody. Passed explicitly to the service calls that can
 * notify, and carried by their events as a {@code silent} flag, so that a listener knows
 * from the event alone.
 */
public enum WriteMode {

	/**
	 * The usual: subscribers and webhooks hear of the change as its own settings say
	 * (e.g. an incident's "notify subscribers").
	 */
	NOTIFYING,

	/**
	 * Reaches nobody: no e-mail, no webhook, whatever the record says. For writing
	 * another status page's history (the Cachet import), which happened long ago.
	 */
	SILENT;

	/**
	 * @return whether the write reaches nobody
	 */
	public boolean silent() {
		return this == SILENT;
	}

}
