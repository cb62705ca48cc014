package io.cachet.persistence;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the test's own, in a temporary directory on a free port, that
 * the test can really stop and start again: created with the machine's {@code initdb} and
 * driven with {@code pg_ctl}. PostgreSQL refuses to run as root, so as root the commands
 * run as the {@code postgres} user ({@code runuser}). {@link #destroy()} stops it and
 * deletes its directory.
 */
final class ThrowawayPostgres {

	private final Path bin;

	private final Path directory;

	private final Path data;

	private final int port;

	private ThrowawayPostgres(Path bin, Path directory, int port) {
		this.bin = bin;
		this.directory = directory;
		this.data = directory.resolve("data");
		this.port = port;
	}

	/**
	 * @return the directory with {@code initdb} and {@code pg_ctl} of the newest
	 * PostgreSQL installed, if any
	 */
	static Optional<Path> binaries() {
		List<Path> candidates = new ArrayList<>();
		Path installed = Paths.get("/usr/lib/postgresql");
		if (Files.isDirectory(installed)) {
			try (Stream<Path> versions = Files.list(installed)) {
				versions.map((version) -> version.resolve("bin")).forEach(candidates::add);
			}
			catch (IOException ex) {
				// none usable
			}
		}
		return candidates.stream()
			.filter((dir) -> Files.isExecutable(dir.resolve("initdb")) && Files.isExecutable(dir.resolve("pg_ctl")))
			.max(Comparator.comparing(ThrowawayPostgres::majorVersion));

	}

	private static int majorVersion(Path bin) {
		try {
			return Integer.parseInt(bin.getParent().getFileName().toString());
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	static boolean asRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

	static ThrowawayPostgres create(Path bin) throws IOException, InterruptedException {
		Path directory = Files.createTempDirectory("cachet-pgdown-");
		ThrowawayPostgres server = new ThrowawayPostgres(bin, directory, freePort());
		// a test JVM that ends without reaching the test's clean-up leaves no server
		// behind
		Runtime.getRuntime().addShutdownHook(new Thread(server::destroy, "throwaway-postgres-cleanup"));
		try {
			if (asRoot()) {
				run(List.of("chown", "postgres:", directory.toString()));
			}
			server.pg("initdb", "-D", server.data.toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8",
					"--locale=C", "--no-sync");
			server.start();
		}
		catch (IOException | RuntimeException ex) {
			server.destroy();
			throw ex;
		}
		return server;
	}

	String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/postgres";
	}

	int port() {
		return this.port;
	}

	void start() throws IOException, InterruptedException {
		pg("pg_ctl", "-D", this.data.toString(), "-l", this.directory.resolve("server.log").toString(), "-w", "-t",
				"60", "-o", "-p " + this.port + " -k " + this.directory
						+ " -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off",
				"start");
	}

	/**
	 * Stops the server as a crash would: no shutdown checkpoint, clients cut off at once.
	 */
	void stopImmediately() throws IOException, InterruptedException {
		pg("pg_ctl", "-D", this.data.toString(), "-m", "immediate", "-w", "stop");
	}

	synchronized void destroy() {
		if (!Files.exists(this.directory)) {
			return;
		}
		try {
			if (Files.exists(this.data.resolve("postmaster.pid"))) {
				stopImmediately();
			}
		}
		catch (IOException | RuntimeException ex) {
			// deleting the directory is still worth trying
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		try (Stream<Path> files = Files.walk(this.directory)) {
			files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
		catch (IOException ex) {
			// a temporary directory; nothing else to do
		}
	}

	private void pg(String program, String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		if (asRoot()) {
			command.addAll(List.of("runuser", "-u", "postgres", "--"));
		}
		command.add(this.bin.resolve(program).toString());
		command.addAll(List.of(arguments));
		run(command);
	}

	private static void run(List<String> command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		byte[] output = process.getInputStream().readAllBytes();
		if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IOException(String.join(" ", command) + " failed: " + new String(output, StandardCharsets.UTF_8));
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
