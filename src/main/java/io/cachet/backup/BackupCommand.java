package io.cachet.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.LifecycleProcessor;
import org.springframework.context.support.AbstractApplicationContext;

/**
 * {@code java -jar cachet.jar export > backup.json} and
 * {@code java -jar cachet.jar import backup.json} (or {@code import -} for standard
 * input). Further arguments are the application's own
 * ({@code --spring.datasource.url=…}), and the environment is read as for the server, so
 * the command finds the same database.
 * <p>
 * The command starts the application without its web server (a servlet context, which the
 * security configuration needs, with {@code server.port=-1}) and without starting any
 * lifecycle bean: the notification worker, the monitors, the upstream poller and the
 * other background jobs never run, so a command sends no mail and polls nothing. Demo
 * seeding and the republication of unfinished events are switched off. Standard output
 * carries the backup alone: everything else, logging included, goes to standard error.
 * <p>
 * H2 keeps its file locked while the server runs, so stop the server first; on PostgreSQL
 * or MariaDB an import while the server runs works, but the running server only sees the
 * imported data after a restart (the dashboard import has no such limit).
 */
public final class BackupCommand {

	private static final Set<String> COMMANDS = Set.of("export", "import");

	private BackupCommand() {
	}

	/**
	 * @return whether the arguments ask for a backup command rather than the server
	 */
	public static boolean handles(String[] args) {
		return args.length > 0 && COMMANDS.contains(args[0]);
	}

	/**
	 * Runs a command.
	 * @param application the application's main class
	 * @param args the command, its file (import) and the application's arguments
	 * @param stdout where the export goes
	 * @return the process exit code
	 */
	public static int run(Class<?> application, String[] args, PrintStream stdout) {
		PrintStream originalOut = System.out;
		System.setOut(System.err);
		try {
			return (args[0].equals("export")) ? export(application, rest(args, 1), stdout)
					: importFile(application, args);
		}
		catch (InvalidBackupException ex) {
			System.err.println("Import refused: " + ex.getMessage());
			return 1;
		}
		finally {
			System.setOut(originalOut);
		}
	}

	private static int export(Class<?> application, String[] args, OutputStream stdout) {
		try (ConfigurableApplicationContext context = start(application, args)) {
			context.getBean(BackupService.class).export(stdout);
			return 0;
		}
	}

	private static int importFile(Class<?> application, String[] args) {
		if (args.length < 2 || args[1].startsWith("--")) {
			System.err.println("Usage: java -jar cachet.jar import <backup.json | ->");
			return 2;
		}
		try (InputStream in = args[1].equals("-") ? System.in : Files.newInputStream(Path.of(args[1]));
				ConfigurableApplicationContext context = start(application, rest(args, 2))) {
			ImportSummary summary = context.getBean(BackupService.class).importBackup(in);
			System.err
				.println("Imported " + summary.rows() + " rows into " + summary.rowsByTable().size() + " tables.");
			return 0;
		}
		catch (NoSuchFileException ex) {
			System.err.println("No such file: " + args[1]);
			return 1;
		}
		catch (IOException ex) {
			System.err.println("Cannot read " + args[1] + ": " + ex.getMessage());
			return 1;
		}
	}

	/**
	 * Starts the application for a command: no web server, no background job (no mail,
	 * monitor or polling), no demo data.
	 */
	public static ConfigurableApplicationContext startForCommand(Class<?> application, String[] args) {
		return start(application, args);
	}

	private static ConfigurableApplicationContext start(Class<?> application, String[] args) {
		String[] withDefaults = Arrays.copyOf(args, args.length + 2);
		withDefaults[args.length] = "--cachet.demo=false";
		// A servlet context (the security configuration needs one) without a server:
		// port -1 starts no connector, and the server's start is a lifecycle bean anyway.
		withDefaults[args.length + 1] = "--server.port=-1";
		return new SpringApplicationBuilder(application).bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.initializers((context) -> context.getBeanFactory()
				.registerSingleton(AbstractApplicationContext.LIFECYCLE_PROCESSOR_BEAN_NAME, new NothingStarts()))
			.run(withDefaults);
	}

	private static String[] rest(String[] args, int from) {
		return Arrays.copyOfRange(args, Math.min(from, args.length), args.length);
	}

	/**
	 * Replaces the context's lifecycle processor, so that no background job starts.
	 */
	private static final class NothingStarts implements LifecycleProcessor {

		private volatile boolean running;

		@Override
		public void onRefresh() {
			this.running = true;
		}

		@Override
		public void onClose() {
			this.running = false;
		}

		@Override
		public void start() {
			this.running = true;
		}

		@Override
		public void stop() {
			this.running = false;
		}

		@Override
		public boolean isRunning() {
			return this.running;
		}

	}

}
