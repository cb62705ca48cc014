package io.cachet.notification;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class NodeIdentityTests {

	@TempDir
	Path dataDir;

	@Test
	void keepsItsIdAcrossRestartsInTheDataDirectory() {
		NodeIdentity first = new NodeIdentity("", this.dataDir.toString());
		String id = first.id();
		first.destroy();

		NodeIdentity restarted = new NodeIdentity("", this.dataDir.toString());
		assertThat(restarted.id()).isEqualTo(id);
		assertThat(this.dataDir.resolve(NodeIdentity.FILE_NAME)).content().isEqualToIgnoringNewLines(id);
		restarted.destroy();
	}

	@Test
	void aSecondNodeOnTheSameDataDirectoryDoesNotTakeTheFirstOnesId() {
		NodeIdentity running = new NodeIdentity("", this.dataDir.toString());
		NodeIdentity second = new NodeIdentity("", this.dataDir.toString());

		assertThat(second.id()).isNotEqualTo(running.id());
		second.destroy();
		running.destroy();
	}

	@Test
	void aConfiguredIdWinsAndWritesNothing() {
		NodeIdentity node = new NodeIdentity(" node-7 ", this.dataDir.toString());

		assertThat(node.id()).isEqualTo("node-7");
		assertThat(Files.exists(this.dataDir.resolve(NodeIdentity.FILE_NAME))).isFalse();
		node.destroy();
	}

}
