package io.cachet.statuspage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Large renderings also kept as files, so that Tomcat can send them with {@code sendfile}
 * (the kernel copies the bytes to the socket, as nginx does for static files) instead of
 * copying them through the JVM for every visitor. Files are named by their content's
 * ETag, written once, and removed when no longer served; at most {@value #MAX_FILES}.
 */
@Component
class SendfileCache implements DisposableBean {

	/**
	 * Below this, writing from memory is as cheap (Tomcat's own DefaultServlet uses 48
	 * KiB).
	 */
	static final int MIN_SIZE = 48 * 1024;

	/**
	 * Files kept at most (a few megabytes each at worst); as many as the renderings that
	 * could be large.
	 */
	static final int MAX_FILES = 256;

	private static final long UNUSED_MILLIS = 5 * 60 * 1000;

	private static final Logger logger = LoggerFactory.getLogger(SendfileCache.class);

	private final Path directory;

	private final Map<String, Entry> files = new ConcurrentHashMap<>();

	private volatile long lastCleanup = System.currentTimeMillis();

	SendfileCache() throws IOException {
		this.directory = Files.createTempDirectory("cachet-pages-");
	}

	/**
	 * @return the file holding the resource's (identity) body, or {@code null} when it is
	 * small or cannot be written (then it is sent from memory)
	 */
	@Nullable Path fileFor(RenderedResource resource) {
		if (resource.body().length < MIN_SIZE) {
			return null;
		}
		if (this.files.size() >= MAX_FILES && !this.files.containsKey(resource.etag())) {
			removeUnused();
			if (this.files.size() >= MAX_FILES) {
				// bounded like the renderings themselves: the rest goes from memory
				return null;
			}
		}
		Entry entry = this.files.computeIfAbsent(resource.etag(), (etag) -> write(resource));
		if (entry == null) {
			return null;
		}
		long now = System.currentTimeMillis();
		entry.lastUsed = now;
		if (now - this.lastCleanup > 60_000) {
			removeUnused();
		}
		return entry.path;
	}

	private @Nullable Entry write(RenderedResource resource) {
		String name = resource.etag().replace("\"", "");
		try {
			Path target = this.directory.resolve(name);
			Path partial = Files.createTempFile(this.directory, name, ".part");
			Files.write(partial, resource.body());
			Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			return new Entry(target);
		}
		catch (IOException | UncheckedIOException ex) {
			logger.debug("Cannot keep a rendering as a file, sending it from memory", ex);
			return null;
		}
	}

	/**
	 * Removes files not served for a while (a rendering that is being sent was used just
	 * now, so it is never removed under Tomcat's feet).
	 */
	void removeUnused() {
		long now = System.currentTimeMillis();
		this.lastCleanup = now;
		this.files.entrySet().removeIf((entry) -> {
			if (now - entry.getValue().lastUsed < UNUSED_MILLIS) {
				return false;
			}
			deleteQuietly(entry.getValue().path);
			return true;
		});
	}

	@Override
	public void destroy() {
		try (Stream<Path> paths = Files.walk(this.directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach(SendfileCache::deleteQuietly);
		}
		catch (IOException ex) {
			logger.debug("Could not remove {}", this.directory, ex);
		}
	}

	private static void deleteQuietly(Path path) {
		try {
			Files.deleteIfExists(path);
		}
		catch (IOException ex) {
			logger.debug("Could not remove {}", path, ex);
		}
	}

	private static final class Entry {

		final Path path;

		volatile long lastUsed = System.currentTimeMillis();

		Entry(Path path) {
			this.path = path;
		}

	}

}
