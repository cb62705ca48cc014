package io.cachet.backup;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Export → import round trip on H2, from one data directory into an empty one.
 */
class BackupRoundTripH2Tests {

	@TempDir
	Path dataDir;

	@Test
	void anImportIntoAnEmptyInstallReproducesThePage() throws InterruptedException {
		BackupRoundTrip.run(
				new String[] { "--spring.datasource.url=", "--CACHET_DATA_DIR=" + this.dataDir.resolve("source") },
				new String[] { "--spring.datasource.url=", "--CACHET_DATA_DIR=" + this.dataDir.resolve("target") });
	}

}
