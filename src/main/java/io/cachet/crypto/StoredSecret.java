package io.cachet.crypto;

/**
 * One secret as its table holds it.
 *
 * @param id what the store finds it by again (a row id, a setting's name)
 * @param label whose secret it is, for the reports ("two-factor secret of user alice")
 * @param value the stored value: ciphertext, or plain text from before encryption
 */
public record StoredSecret(String id, String label, String value) {

	@Override
	public String toString() {
		return "StoredSecret[" + this.label + "]";
	}

}
