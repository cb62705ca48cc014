package io.cachet;

import java.util.TimeZone;

import io.cachet.backup.BackupCommand;
import io.cachet.cachetimport.CachetImportCommand;
import io.cachet.ops.RotateEncryptionKeyCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Cachet for the JVM: a self-hosted status page, wire-compatible with the Cachet 2.4 API.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CachetApplication {

	public static void main(String[] args) {
		// Timestamps are stored as UTC wall-clock values; the JDBC drivers convert
		// through the JVM
		// time zone, so it must be UTC for the stored values to mean the same on every
		// node.
		TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
		if (CachetImportCommand.handles(args)) {
			System.exit(CachetImportCommand.run(CachetApplication.class, args));
		}
		if (RotateEncryptionKeyCommand.handles(args)) {
			System.exit(RotateEncryptionKeyCommand.run(CachetApplication.class, args));
		}
		if (BackupCommand.handles(args)) {
			// export and import: see BackupCommand
			System.exit(BackupCommand.run(CachetApplication.class, args, System.out));
		}
		SpringApplication.run(CachetApplication.class, args);
	}

}
