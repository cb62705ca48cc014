package io.cachet.notification;

import io.cachet.shared.CachetProperties;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The name this node holds its delivery claims under, the same after a restart, so that a
 * node starting up can take back its own unfinished claims at once instead of waiting for
 * their lease to run out.
 * <p>
 * {@code CACHET_NODE_ID} ({@code cachet.node-id}) when set, else a random id kept in
 * {@code $CACHET_DATA_DIR/node-id}, written on the first start. The file is locked while
 * the node runs: a second node started on the same data directory (two nodes from one
 * working directory, or two application contexts in one JVM as in the tests) must not
 * take the first one's claims for its own, so it uses a fresh id of its own and its
 * claims, should it die, are taken back when their lease runs out. A kill releases the
 * lock with the process.
 */
@Component
class NodeIdentity implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(NodeIdentity.class);

	static final String FILE_NAME = "node-id";

	private final String id;

	private final @Nullable FileChannel lockedFile;

	@Autowired
	NodeIdentity(CachetProperties properties) {
		this(properties.nodeId(), properties.dataDir());
	}

	NodeIdentity(String configured, String dataDir) {
		if (!configured.isBlank()) {
			this.id = configured.strip();
			this.lockedFile = null;
			return;
		}
		Path file = Path.of(dataDir).toAbsolutePath().normalize().resolve(FILE_NAME);
		FileChannel channel = null;
		String stored = null;
		try {
			Files.createDirectories(file.getParent());
			channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
					StandardOpenOption.WRITE);
			FileLock lock = tryLock(channel);
			if (lock != null) {
				stored = readOrWrite(channel);
			}
			else {
				logger.info("Another node runs on the data directory {}; this one uses an id of its own", file);
			}
		}
		catch (IOException ex) {
			logger.warn("Cannot keep a node id in {} ({}); unfinished deliveries of this node are taken back "
					+ "when their lease runs out", file, ex.getMessage());
		}
		if (stored == null) {
			close(channel);
			channel = null;
		}
		this.lockedFile = channel;
		this.id = (stored != null) ? stored : UUID.randomUUID().toString();
	}

	/**
	 * @return this node's id, at most 64 characters
	 */
	String id() {
		return (this.id.length() <= 64) ? this.id : this.id.substring(0, 64);
	}

	@Override
	public void destroy() {
		close(this.lockedFile);
	}

	private static @Nullable FileLock tryLock(FileChannel channel) throws IOException {
		try {
			return channel.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			// held by another application context in this JVM
			return null;
		}
	}

	private static String readOrWrite(FileChannel channel) throws IOException {
		ByteBuffer buffer = ByteBuffer.allocate(256);
		channel.read(buffer, 0);
		String stored = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
		if (!stored.isEmpty()) {
			return stored;
		}
		String fresh = UUID.randomUUID().toString();
		channel.truncate(0);
		channel.write(ByteBuffer.wrap((fresh + "\n").getBytes(StandardCharsets.UTF_8)), 0);
		channel.force(true);
		return fresh;
	}

	private static void close(@Nullable FileChannel channel) {
		if (channel != null) {
			try {
				channel.close();
			}
			catch (IOException ex) {
				// the lock goes with the process anyway
			}
		}
	}

}
