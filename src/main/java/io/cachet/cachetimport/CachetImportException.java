package io.cachet.cachetimport;

/**
 * An import that could not be done; the message is safe to show to the admin who asked
 * for it. Nothing was written.
 */
public class CachetImportException extends RuntimeException {

	CachetImportException(String message) {
		super(message);
	}

	CachetImportException(String message, Throwable cause) {
		super(message, cause);
	}

}
