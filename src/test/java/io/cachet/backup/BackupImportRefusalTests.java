package io.cachet.backup;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cachet.IsolatedIntegrationTest;
import io.cachet.TestUsers;
import io.cachet.component.ComponentService;
import io.cachet.component.ComponentStatus;
import io.cachet.component.CreateComponent;
import io.cachet.settings.SettingsService;
import io.cachet.user.UserService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What an import refuses, and that a refused import leaves the install as it was.
 */
@IsolatedIntegrationTest
class BackupImportRefusalTests {

	private static final String HEADER = "{\"format\":\"cachet-jvm-backup\",\"version\":1,\"schema_version\":\"%s\",";

	private static final String COMPONENT = "{\"id\":5,\"name\":\"API\",\"status\":1,"
			+ "\"created_at\":\"2026-01-01T10:00:00Z\",\"updated_at\":\"2026-01-01T10:00:00.123456Z\"}";

	private static final String SETTING = "{\"id\":1,\"name\":\"app_name\",\"setting_value\":\"Imported\","
			+ "\"created_at\":\"2026-01-01T10:00:00Z\",\"updated_at\":\"2026-01-01T10:00:00Z\"}";

	@Autowired
	BackupService backups;

	@Autowired
	SettingsService settings;

	@Autowired
	UserService users;

	@Autowired
	ComponentService components;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void setUp() {
		TestUsers.ensureSetUp(this.users);
		this.settings.set("app_name", "Before");
	}

	@Test
	void refusesABackupOfANewerSchema() {
		assertRefused(HEADER.formatted("999") + "\"tables\":{\"components\":[" + COMPONENT + "]}}",
				"comes from a newer Cachet");
	}

	@Test
	void refusesBrokenJsonAndWritesNothing() {
		assertRefused(HEADER.formatted("1") + "\"tables\":{\"settings\":[" + SETTING + "],\"components\":[" + COMPONENT
				+ ",{\"id\":6,\"name\":", "broken JSON");
	}

	@Test
	void refusesAFileThatIsNotABackup() {
		assertRefused("{\"hello\":\"world\",\"tables\":{}}", "not a Cachet backup");
		assertRefused("[1,2,3]", "not a valid backup");
	}

	@Test
	void refusesAValueOfTheWrongTypeNamingWhere() {
		assertRefused(
				HEADER.formatted("1") + "\"tables\":{\"settings\":[" + SETTING + "],\"components\":["
						+ COMPONENT.replace("2026-01-01T10:00:00Z", "yesterday") + "]}}",
				"Table \"components\", row 1, column \"created_at\"");
	}

	@Test
	void refusesAnUnknownTableOrColumn() {
		assertRefused(HEADER.formatted("1") + "\"tables\":{\"gadgets\":[]}}", "\"gadgets\"");
		assertRefused(HEADER.formatted("1") + "\"tables\":{\"components\":[{\"id\":1,\"colour\":\"red\"}]}}",
				"\"colour\"");
	}

	@Test
	@DirtiesContext
	void refusesAnInstallThatIsNotEmpty() {
		this.components.createComponent(
				new CreateComponent("Existing", "", "", ComponentStatus.OPERATIONAL, 0, 0, true, null, List.of()));
		assertThat(this.backups.isEmptyInstall()).isFalse();
		ByteArrayOutputStream backup = new ByteArrayOutputStream();
		this.backups.export(backup);
		assertThatExceptionOfType(InvalidBackupException.class)
			.isThrownBy(() -> this.backups.importBackup(new ByteArrayInputStream(backup.toByteArray())))
			.withMessageContaining("not empty");
		assertThat(count("components")).isEqualTo(1);
	}

	@Test
	void anInstallWithOnlyItsFirstAdminAndSettingsIsEmpty() {
		assertThat(this.backups.isEmptyInstall()).isTrue();
	}

	private void assertRefused(String document, String message) {
		long users = count("users");
		assertThatExceptionOfType(InvalidBackupException.class).isThrownBy(
				() -> this.backups.importBackup(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8))))
			.withMessageContaining(message);
		assertThat(count("components")).isZero();
		assertThat(count("users")).isEqualTo(users).isPositive();
		assertThat(this.settings.get("app_name", "")).isEqualTo("Before");
	}

	private long count(String table) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
	}

}
