package io.cachet.monitor.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import io.cachet.crypto.SecretCipher;
import io.cachet.crypto.UnreadableSecretException;
import io.cachet.monitor.MonitorResultView;
import io.cachet.monitor.MonitorState;
import io.cachet.monitor.MonitorType;
import io.cachet.monitor.MonitorView;
import io.cachet.shared.ListQuery;
import io.cachet.shared.PageResult;
import io.cachet.shared.SqlListQueries;

@Repository
public class MonitorRepository {

	private static final Logger logger = LoggerFactory.getLogger(MonitorRepository.class);

	private static final String SELECT = "SELECT m.* FROM monitors m";

	private final JdbcClient jdbc;

	private final SecretCipher cipher;

	private final JsonMapper json;

	MonitorRepository(JdbcClient jdbc, SecretCipher cipher, JsonMapper json) {
		this.json = json;
		this.cipher = cipher;
		this.jdbc = jdbc;
	}

	public PageResult<MonitorView> page(ListQuery query) {
		return SqlListQueries.page(this.jdbc, SELECT, List.of(), List.of(),
				Map.of("id", "m.id", "component_id", "m.component_id", "type", "m.type", "state", "m.state"),
				"m.id ASC", query, this::row);
	}

	public Optional<MonitorView> findById(long id) {
		return this.jdbc.sql(SELECT + " WHERE m.id = ?").param(id).query(this::row).optional();
	}

	public Optional<MonitorView> findByPushToken(String token) {
		return this.jdbc.sql(SELECT + " WHERE m.push_token = ?").param(token).query(this::row).optional();
	}

	public List<MonitorView> findEnabled() {
		return this.jdbc.sql(SELECT + " WHERE m.enabled = TRUE ORDER BY m.id").query(this::row).list();
	}

	public long insert(MonitorView monitor) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO monitors (component_id, type, target, interval_seconds, timeout_seconds, "
					+ "expected_status, keyword, keyword_absent, latency_threshold_ms, headers, follow_redirects, "
					+ "expected_address, tls_days, push_token, failure_threshold, recovery_threshold, auto_incident, "
					+ "metric_id, enabled, state, created_at, updated_at) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'unknown', ?, ?)")
			.params(monitor.componentId(), monitor.type().value(), monitor.target(), monitor.intervalSeconds(),
					monitor.timeoutSeconds(), codes(monitor.expectedStatus()), monitor.keyword(),
					monitor.keywordAbsent(), monitor.latencyThresholdMs(), headers(monitor.headers()),
					monitor.followRedirects(), monitor.expectedAddress(), monitor.tlsDays(), monitor.pushToken(),
					monitor.failureThreshold(), monitor.recoveryThreshold(), monitor.autoIncident(), monitor.metricId(),
					monitor.enabled(), Timestamp.from(monitor.createdAt()), Timestamp.from(monitor.updatedAt()))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	public void update(MonitorView monitor) {
		this.jdbc.sql("UPDATE monitors SET component_id = ?, type = ?, target = ?, interval_seconds = ?, "
				+ "timeout_seconds = ?, expected_status = ?, keyword = ?, keyword_absent = ?, latency_threshold_ms = ?, "
				+ "headers = ?, follow_redirects = ?, expected_address = ?, tls_days = ?, push_token = ?, "
				+ "failure_threshold = ?, recovery_threshold = ?, auto_incident = ?, metric_id = ?, enabled = ?, "
				+ "updated_at = ? WHERE id = ?")
			.params(monitor.componentId(), monitor.type().value(), monitor.target(), monitor.intervalSeconds(),
					monitor.timeoutSeconds(), codes(monitor.expectedStatus()), monitor.keyword(),
					monitor.keywordAbsent(), monitor.latencyThresholdMs(), headers(monitor.headers()),
					monitor.followRedirects(), monitor.expectedAddress(), monitor.tlsDays(), monitor.pushToken(),
					monitor.failureThreshold(), monitor.recoveryThreshold(), monitor.autoIncident(), monitor.metricId(),
					monitor.enabled(), Timestamp.from(monitor.updatedAt()), monitor.id())
			.update();
	}

	public void delete(long id) {
		this.jdbc.sql("DELETE FROM monitors WHERE id = ?").param(id).update();
	}

	public void updateState(long id, MonitorState state, int failures, int successes, Instant checkedAt,
			@Nullable Long openIncidentId) {
		this.jdbc
			.sql("UPDATE monitors SET state = ?, consecutive_failures = ?, consecutive_successes = ?, "
					+ "last_checked_at = ?, open_incident_id = ? WHERE id = ?")
			.params(state.value(), failures, successes, Timestamp.from(checkedAt), openIncidentId, id)
			.update();
	}

	/**
	 * @return the number of enabled monitors in each state (states without any left out)
	 */
	public Map<MonitorState, Long> countEnabledByState() {
		var counts = new java.util.EnumMap<MonitorState, Long>(MonitorState.class);
		this.jdbc.sql("SELECT state, COUNT(*) FROM monitors WHERE enabled = TRUE GROUP BY state").query((rs) -> {
			counts.merge(MonitorState.fromValue(rs.getString(1)), rs.getLong(2), Long::sum);
		});
		return counts;
	}

	public void recordPush(long id, Instant at) {
		this.jdbc.sql("UPDATE monitors SET last_push_at = ? WHERE id = ?").params(Timestamp.from(at), id).update();
	}

	public void insertResult(long monitorId, Instant checkedAt, String outcome, @Nullable Integer latencyMs,
			@Nullable Integer statusCode, @Nullable String message) {
		this.jdbc
			.sql("INSERT INTO monitor_results (monitor_id, checked_at, outcome, latency_ms, status_code, message) "
					+ "VALUES (?, ?, ?, ?, ?, ?)")
			.params(monitorId, Timestamp.from(checkedAt), outcome, latencyMs, statusCode,
					(message != null && message.length() > 1000) ? message.substring(0, 1000) : message)
			.update();
	}

	public PageResult<MonitorResultView> results(long monitorId, int page, int perPage) {
		long total = this.jdbc.sql("SELECT COUNT(*) FROM monitor_results WHERE monitor_id = ?")
			.param(monitorId)
			.query(Long.class)
			.single();
		List<MonitorResultView> items = this.jdbc
			.sql("SELECT id, monitor_id, checked_at, outcome, latency_ms, status_code, message FROM monitor_results "
					+ "WHERE monitor_id = ? ORDER BY id DESC LIMIT " + perPage + " OFFSET " + ((page - 1) * perPage))
			.param(monitorId)
			.query((rs, row) -> new MonitorResultView(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant(),
					rs.getString(4), (Integer) rs.getObject(5, Integer.class), (Integer) rs.getObject(6, Integer.class),
					rs.getString(7)))
			.list();
		return new PageResult<>(items, total, page, perPage);
	}

	public int pruneResultsBefore(Instant cutoff) {
		return this.jdbc.sql("DELETE FROM monitor_results WHERE checked_at < ?").param(Timestamp.from(cutoff)).update();
	}

	private static String codes(List<Integer> codes) {
		return String.join(",", codes.stream().map(String::valueOf).toList());
	}

	/**
	 * Request headers often carry a credential ({@code Authorization}, an API key), so
	 * the whole JSON object is stored encrypted ({@link SecretCipher}).
	 */
	private @Nullable String headers(Map<String, String> headers) {
		return headers.isEmpty() ? null : this.cipher.encrypt(this.json.writeValueAsString(headers));
	}

	/**
	 * Headers no key of this server opens (started with another encryption key) are left
	 * out rather than failing the read: one such monitor must not stop every other
	 * monitor, the list or the API. It then runs without them, and the secret is listed,
	 * at start and on the settings page, as one that cannot be read.
	 */
	private @Nullable String openHeaders(String stored, long monitorId) {
		try {
			return this.cipher.decrypt(stored, "the request headers of monitor " + monitorId);
		}
		catch (UnreadableSecretException ex) {
			logger.warn("{}: monitor {} runs without its request headers", ex.getMessage(), monitorId);
			return null;
		}
	}

	@SuppressWarnings("unchecked")
	private MonitorView row(ResultSet rs, int row) throws SQLException {
		String codes = rs.getString("expected_status");
		String stored = rs.getString("headers");
		String headers = (stored == null || stored.isBlank()) ? null : openHeaders(stored, rs.getLong("id"));
		Map<String, String> headerMap = (headers == null || headers.isBlank()) ? Map.of()
				: new LinkedHashMap<>(this.json.readValue(headers, Map.class));
		Timestamp checked = rs.getTimestamp("last_checked_at");
		Timestamp pushed = rs.getTimestamp("last_push_at");
		return new MonitorView(rs.getLong("id"), rs.getLong("component_id"),
				MonitorType.fromValue(rs.getString("type")).orElse(MonitorType.HTTP), rs.getString("target"),
				rs.getInt("interval_seconds"), rs.getInt("timeout_seconds"),
				(codes == null || codes.isBlank()) ? List.of()
						: Arrays.stream(codes.split(",")).map(String::strip).map(Integer::valueOf).toList(),
				rs.getString("keyword"), rs.getBoolean("keyword_absent"),
				(Integer) rs.getObject("latency_threshold_ms", Integer.class), headerMap,
				rs.getBoolean("follow_redirects"), rs.getString("expected_address"),
				(Integer) rs.getObject("tls_days", Integer.class), rs.getString("push_token"),
				rs.getInt("failure_threshold"), rs.getInt("recovery_threshold"), rs.getBoolean("auto_incident"),
				(Long) rs.getObject("metric_id", Long.class), rs.getBoolean("enabled"),
				MonitorState.fromValue(rs.getString("state")), rs.getInt("consecutive_failures"),
				rs.getInt("consecutive_successes"), (checked != null) ? checked.toInstant() : null,
				(pushed != null) ? pushed.toInstant() : null, (Long) rs.getObject("open_incident_id", Long.class),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}

}
