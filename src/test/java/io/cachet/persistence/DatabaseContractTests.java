package io.cachet.persistence;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.web.authentication.rememberme.PersistentRememberMeToken;
import org.springframework.security.web.authentication.rememberme.PersistentTokenRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.transaction.support.TransactionTemplate;

import io.cachet.TestUsers;
import io.cachet.subscriber.ManageLinkRequested;
import io.cachet.user.CreatedUser;
import io.cachet.user.DuplicateUserException;
import io.cachet.user.UserService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What the application needs from its database, run against H2, PostgreSQL and MariaDB:
 * the migrations, the repositories and the column types whose behaviour differs between
 * vendors. Each subclass points the application at one database; the PostgreSQL and
 * MariaDB ones start from an empty schema (Flyway clean, then migrate).
 */
abstract class DatabaseContractTests {

	static final List<String> TABLES = List.of("users", "invites", "settings", "actions", "component_groups",
			"components", "tags", "taggables", "meta", "incidents", "incident_updates", "incident_components",
			"incident_templates", "schedules", "schedule_components", "metrics", "metric_points", "subscribers",
			"subscriptions", "persistent_logins", "notifications");

	@Autowired
	Flyway flyway;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserService userService;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void appliesEveryMigration() throws Exception {
		var resources = new PathMatchingResourcePatternResolver();
		// SQL migrations, and Java ones where SQL has no spelling for all three databases
		int migrationFiles = resources.getResources("classpath:db/migration/V*__*.sql").length
				+ (int) java.util.Arrays.stream(resources.getResources("classpath:db/migration/V*__*.class"))
					.filter((resource) -> !resource.getFilename().contains("$"))
					.count();

		MigrationInfo[] applied = this.flyway.info().applied();

		assertThat(applied).hasSize(migrationFiles);
		assertThat(applied).allMatch((migration) -> migration.getState() == MigrationState.SUCCESS);
		assertThat(this.flyway.info().pending()).isEmpty();
	}

	@Test
	void createsEveryTable() {
		for (String table : TABLES) {
			assertThat(this.jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single()).as(table)
				.isNotNegative();
		}
	}

	@Test
	void storesUsersAndFindsThemByTokenAndLogin() {
		String name = "db-" + UUID.randomUUID().toString().substring(0, 8);
		CreatedUser created = this.userService.createUser(TestUsers.admin(name));

		assertThat(this.userService.authenticateApiToken(created.apiToken())).isPresent();
		assertThat(this.userService.findByLogin(name.toUpperCase())).map((user) -> user.id())
			.contains(created.user().id());
		assertThat(this.userService.findByLogin(name + "@EXAMPLE.com")).isPresent();
		assertThat(created.user().createdAt()).isEqualTo(this.userService.findByLogin(name).orElseThrow().createdAt());
		assertThatExceptionOfType(DuplicateUserException.class)
			.isThrownBy(() -> this.userService.createUser(TestUsers.user(name.toUpperCase())));
	}

	@Autowired
	PersistentTokenRepository rememberMeTokens;

	@Test
	void keepsRememberMeLoginsAndSessionStamps() {
		String name = "rm-" + UUID.randomUUID().toString().substring(0, 8);
		CreatedUser created = this.userService.createUser(TestUsers.admin(name));
		String series = UUID.randomUUID().toString().substring(0, 24);
		Date used = new Date(1_700_000_000_123L);
		this.rememberMeTokens.createNewToken(new PersistentRememberMeToken(name, series, "token-1", used));
		this.rememberMeTokens.updateToken(series, "token-2", used);
		PersistentRememberMeToken stored = this.rememberMeTokens.getTokenForSeries(series);
		assertThat(stored.getUsername()).isEqualTo(name);
		assertThat(stored.getTokenValue()).isEqualTo("token-2");
		assertThat(stored.getDate().getTime()).isEqualTo(used.getTime());

		var account = this.userService.findAccount(name).orElseThrow();
		assertThat(this.userService.isCurrent(account)).isTrue();
		this.userService.changeLevel(created.user().id(), io.cachet.user.UserLevel.USER);
		assertThat(this.userService.isCurrent(account)).isFalse();
		assertThat(this.rememberMeTokens.getTokenForSeries(series)).isNull();
	}

	@Test
	void enforcesUniqueUsernamesInTheSchemaToo() {
		Instant now = Instant.now();
		String insert = "INSERT INTO users (username, email, password, api_key_hash, created_at, updated_at) "
				+ "VALUES (?, ?, 'x', ?, ?, ?)";
		this.jdbc.sql(insert)
			.params("schema-unique", "a@example.com", "hash-a", Timestamp.from(now), Timestamp.from(now))
			.update();

		assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() -> this.jdbc.sql(insert)
			.params("schema-unique", "b@example.com", "hash-b", Timestamp.from(now), Timestamp.from(now))
			.update());
	}

	@Test
	void roundTripsTimestampsToTheMicrosecondInUtc() {
		Instant occurred = Instant.parse("2026-03-29T01:30:15.123456Z");
		long id = insertIncident("timestamps", "message", occurred);

		Timestamp stored = this.jdbc.sql("SELECT occurred_at FROM incidents WHERE id = ?")
			.param(id)
			.query(Timestamp.class)
			.single();

		assertThat(stored.toInstant()).isEqualTo(occurred);
	}

	@Test
	void storesLongMarkdown() {
		String message = "# Outage\n\n" + "All systems are down. ".repeat(10_000);
		long id = insertIncident("long", message, Instant.now().truncatedTo(ChronoUnit.MICROS));

		assertThat(this.jdbc.sql("SELECT message FROM incidents WHERE id = ?").param(id).query(String.class).single())
			.isEqualTo(message);
	}

	@Test
	void deletesIncidentUpdatesAndComponentsWithTheirIncident() {
		long incident = insertIncident("cascade", "message", Instant.now());
		Timestamp now = Timestamp.from(Instant.now());
		this.jdbc
			.sql("INSERT INTO incident_updates (incident_id, status, message, created_at, updated_at) "
					+ "VALUES (?, 2, 'identified', ?, ?)")
			.params(incident, now, now)
			.update();
		this.jdbc.sql(
				"INSERT INTO incident_components (incident_id, component_id, component_status, created_at, updated_at) "
						+ "VALUES (?, 7, 4, ?, ?)")
			.params(incident, now, now)
			.update();

		this.jdbc.sql("DELETE FROM incidents WHERE id = ?").param(incident).update();

		assertThat(count("incident_updates", "incident_id", incident)).isZero();
		assertThat(count("incident_components", "incident_id", incident)).isZero();
	}

	@Test
	void keepsMetricPointDecimalsExactly() {
		Timestamp now = Timestamp.from(Instant.now());
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO metrics (name, suffix, default_value, created_at, updated_at) "
					+ "VALUES ('latency', 'ms', 0.5, ?, ?)")
			.params(now, now)
			.update(keys, "id");
		long metric = keys.getKey().longValue();
		this.jdbc
			.sql("INSERT INTO metric_points (metric_id, point_value, counter, created_at, updated_at) "
					+ "VALUES (?, ?, 3, ?, ?)")
			.params(metric, new BigDecimal("123456789012.345"), now, now)
			.update();

		BigDecimal value = this.jdbc.sql("SELECT point_value FROM metric_points WHERE metric_id = ?")
			.param(metric)
			.query(BigDecimal.class)
			.single();

		assertThat(value).isEqualByComparingTo("123456789012.345");
		this.jdbc.sql("DELETE FROM metrics WHERE id = ?").param(metric).update();
		assertThat(count("metric_points", "metric_id", metric)).isZero();
	}

	@Test
	void allowsSubscribersWithoutEmailButNoDuplicateEmail() {
		Timestamp now = Timestamp.from(Instant.now());
		String insert = "INSERT INTO subscribers (email, verify_code, global, created_at, updated_at) VALUES (?, ?, TRUE, ?, ?)";
		this.jdbc.sql(insert).params(null, UUID.randomUUID().toString(), now, now).update();
		this.jdbc.sql(insert).params(null, UUID.randomUUID().toString(), now, now).update();
		String email = UUID.randomUUID() + "@example.com";
		this.jdbc.sql(insert).params(email, UUID.randomUUID().toString(), now, now).update();

		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.jdbc.sql(insert).params(email, UUID.randomUUID().toString(), now, now).update());
	}

	/**
	 * What Spring Modulith's event publication log was for: the side effect of an event
	 * (its outbox row) commits, or rolls back, with the change that published it.
	 */
	@Test
	void writesAnEventsOutboxRowInItsTransaction() {
		String rolledBack = UUID.randomUUID().toString();
		String committed = UUID.randomUUID().toString();

		this.transactions.executeWithoutResult((status) -> {
			this.events.publishEvent(new ManageLinkRequested(1, rolledBack));
			status.setRollbackOnly();
		});
		this.transactions
			.executeWithoutResult((status) -> this.events.publishEvent(new ManageLinkRequested(1, committed)));

		assertThat(outboxRows("subscription_manage:" + rolledBack)).isZero();
		assertThat(outboxRows("subscription_manage:" + committed)).isEqualTo(1);
	}

	private long outboxRows(String eventKey) {
		return this.jdbc.sql("SELECT COUNT(*) FROM notifications WHERE event_key = ?")
			.param(eventKey)
			.query(Long.class)
			.single();
	}

	private long insertIncident(String name, String message, Instant occurredAt) {
		Timestamp now = Timestamp.from(Instant.now());
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO incidents (name, status, message, occurred_at, created_at, updated_at) "
					+ "VALUES (?, 1, ?, ?, ?, ?)")
			.params(name, message, Timestamp.from(occurredAt), now, now)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	private long count(String table, String column, long value) {
		return this.jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = ?")
			.param(value)
			.query(Long.class)
			.single();
	}

}
