package io.cachet.cachetimport;

import java.net.URI;

import org.springframework.context.ConfigurableApplicationContext;

import io.cachet.backup.BackupCommand;

/**
 * {@code java -jar cachet.jar import-cachet <url> <token>}: reads a live Cachet 2.4
 * through its API into this (empty) install, printing each step on standard error;
 * started like the backup commands, without a web server or background jobs.
 */
public final class CachetImportCommand {

	private CachetImportCommand() {
	}

	public static boolean handles(String[] args) {
		return args.length > 0 && args[0].equals("import-cachet");
	}

	/**
	 * @return the process exit code
	 */
	public static int run(Class<?> application, String[] args) {
		if (args.length < 3 || args[1].startsWith("--") || args[2].startsWith("--")) {
			System.err.println("Usage: java -jar cachet.jar import-cachet <https://cachet.example.com> <api-token>");
			return 2;
		}
		String[] rest = java.util.Arrays.copyOfRange(args, 3, args.length);
		try (ConfigurableApplicationContext context = BackupCommand.startForCommand(application, rest)) {
			ImportSummary summary = context.getBean(CachetImporter.class)
				.importFrom(URI.create(args[1]), args[2], System.err::println);
			System.err.println("Imported " + summary.counts() + ".");
			summary.warnings().forEach((warning) -> System.err.println("Warning: " + warning));
			return 0;
		}
		catch (CachetImportException ex) {
			System.err.println("Import refused: " + ex.getMessage());
			return 1;
		}
	}

}
