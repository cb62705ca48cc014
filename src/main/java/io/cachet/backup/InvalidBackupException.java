package io.cachet.backup;

/**
 * A backup that cannot be imported here: not a backup, damaged, from a newer version, or
 * an install that is not empty. The message says which, and is safe to show.
 */
public class InvalidBackupException extends RuntimeException {

	InvalidBackupException(String message) {
		super(message);
	}

	InvalidBackupException(String message, Throwable cause) {
		super(message, cause);
	}

}
