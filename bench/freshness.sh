#!/usr/bin/env bash
# Measures freshness: how long a change takes to appear on the public page, the incident page and
# /api/v2/summary.json on a database with a long history, and the memory the app needs meanwhile.
#
#   bench/freshness.sh              both sizes, one after the other (full, then one-tenth)
#   SCALE=0.1 bench/freshness.sh    one size only
#
# For each size it re-creates a PostgreSQL database, has the app's Flyway migrate it (a start that
# exits once the context is refreshed), fills it with SQL, starts the jar on it with JAVA_OPTS and
# makes CHANGES changes with bench/freshness-probe.py, which times each until it is visible.
#
# The data at SCALE=1 (one-tenth of each count at SCALE=0.1, except the metrics and the last week):
# - 1,000 components in 50 public groups (a few degraded or down, every tenth group collapsed
#   unless a component has issues), created 400 days ago;
# - their status history over the last 100 days, with outages (performance issues, partial or
#   major, 10 min to 4 h) on about one day in 31, so the 90-day uptime bars have days under 100 %
#   (the app rolls the days up itself at start, UptimeRollupJob);
# - 100,000 incidents: 20 in the last 7 days (the page's timeline; the 4 newest still open and
#   shown in the summary) at both sizes, the rest spread over the two years before; 70 % with 1–3
#   updates, 60 % with affected components (incident_components), 5 % hidden;
# - 10 metrics shown on the page (display_chart, public) with 1,000,000 points between them, evenly
#   over the last 30 days (one point per metric every 26 s; every 260 s at SCALE=0.1).
# The last week is the same at both sizes so that the page itself is about the same size: what
# differs is the history behind it, which a change should not have to read again.
#
# The changes rotate through: a component's status through PUT /api/v1/components/{id}, the same
# through the dashboard's form (a logged-in session with its CSRF token), and an update posted to
# an open incident through the API. A component change must show on `/` (the component's row has
# the new data-status) and in the summary (its status); an incident update (its text) on `/`, on
# `/incidents/{id}` and in the summary. Polled every 10 ms, 10 s at most after the write's answer
# (a timeout counts as a failure). Two warm-up changes come first and are left out.
#
# It reports, per size and resource, median / p95 / max of change-to-visible (from the write's
# answer, and from just before the write; a change not visible within 10 s counts as infinitely
# late, so a p95 that lands on one reads "timeout"), the same for the slowest resource of each
# change, the failures, whether the app stayed up, its RSS
# (VmRSS after the run, VmHWM = peak), GC counts (jstat), any OutOfMemoryError in its log, and
# writes bench/results/freshness.json (not committed). Exits non-zero only when something broke.
#
# Environment (all optional):
#   SCALE=1|0.1                one size; default both (1 then 0.1)
#   CHANGES=20 WARMUP=2        measured changes, warm-up changes before them
#   TIMEOUT_S=10               how long the probe waits for a change; a change later than 10 s
#                              fails whatever this is, but a longer wait shows how late it comes
#   JAVA_OPTS=-Xmx256m         the JVM options (the shipped launch has none but the heap cap)
#   APP_PORT=18130             the app's port
#   DB=cachet_bench_perf_bench the PostgreSQL database (dropped and re-created for each size)
#   PGHOST=127.0.0.1 PGPORT=5432 PGUSER=root   the local PostgreSQL (trust authentication)
#   JAR=target/cachet.jar      the jar (built with the Maven wrapper when missing and JAR is unset)
#   PROFILE=1                  also record the app with JFR (results/freshness-SCALE.jfr) and log
#                              the SQL statements slower than SLOW_SQL_MS (default 20) of DB from the
#                              server's log into results/freshness-SCALE-slow-sql.log
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

read -r -a scales <<<"${SCALE:-1 0.1}"
changes=${CHANGES:-20}
timeout_s=${TIMEOUT_S:-10}
warmup=${WARMUP:-2}
java_opts=${JAVA_OPTS:--Xmx256m}
port=${APP_PORT:-18130}
db=${DB:-cachet_bench_perf_bench}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-root}
jar=${JAR:-target/cachet.jar}
profile=${PROFILE:-}
slow_sql_ms=${SLOW_SQL_MS:-20}
pg_log=${PG_LOG:-/var/log/postgresql/postgresql-15-main.log}
token=bench-freshness-token-0123456789abcdef
admin=bench
password=bench-password-123
app=http://127.0.0.1:$port
results=bench/results
mkdir -p "$results"

bench_install_missing jq:jq psql:postgresql-client
bench_init
bench_jar_or_build

sql() { psql -q -X -v ON_ERROR_STOP=1 -d "$db" "$@"; }

# start_app LOG [extra java options...]: starts the jar on $db; sets app_pid. The database
# timeouts are longer than the app's 2 s: on a machine loaded by others, connecting took longer
# and the start failed (the benchmark measures the page, not the machine's connect latency).
start_app() {
	local log=$1
	shift
	# shellcheck disable=SC2086 # java_opts is a list of options
	SPRING_DATASOURCE_URL=jdbc:postgresql://$PGHOST:$PGPORT/$db SPRING_DATASOURCE_USERNAME=$PGUSER \
		SPRING_DATASOURCE_PASSWORD= SERVER_PORT=$port CACHET_DATA_DIR=$tmp/data \
		CACHET_ADMIN_USERNAME=$admin CACHET_ADMIN_EMAIL=bench@example.com CACHET_ADMIN_PASSWORD=$password \
		CACHET_ADMIN_API_TOKEN=$token CACHET_API_RATE_LIMIT=0 \
		CACHET_DB_CONNECT_TIMEOUT=${CACHET_DB_CONNECT_TIMEOUT:-10s} CACHET_DB_CONNECTION_TIMEOUT=${CACHET_DB_CONNECTION_TIMEOUT:-10000} \
		java $java_opts "$@" -jar "$jar" >"$log" 2>&1 &
	app_pid=$!
	bench_started "$app_pid"
}

# seed NC NG NI NP: components, groups, incidents, metric points (over 10 metrics).
seed() {
	local nc=$1 ng=$2 ni=$3 np=$4 nm=10 recent=20
	local per_metric=$((np / nm))
	sql <<SQL
SET TIME ZONE 'UTC';
INSERT INTO component_groups (name, position, collapsed, visible, created_at, updated_at)
  SELECT 'Group ' || n, n, CASE WHEN n % 10 = 0 THEN 2 ELSE 0 END, 1,
         localtimestamp - INTERVAL '400 days', localtimestamp - INTERVAL '400 days'
  FROM generate_series(1, $ng) n;
INSERT INTO components (name, description, link, status, position, group_id, enabled, created_at, updated_at)
  SELECT 'Service ' || n, 'Serves the traffic of group ' || g.id || ', node ' || n || '.', '',
         CASE WHEN n % 97 = 0 THEN 4 WHEN n % 41 = 0 THEN 3 WHEN n % 23 = 0 THEN 2 ELSE 1 END,
         (n - 1) / $ng, g.id, TRUE, localtimestamp - INTERVAL '400 days', localtimestamp - INTERVAL '400 days'
  FROM generate_series(1, $nc) n
  JOIN (SELECT id, row_number() OVER (ORDER BY id) AS r FROM component_groups) g ON g.r = 1 + (n - 1) % $ng;

-- Status history: operational since 100 days ago, an outage on about one day in 31 (whole UTC
-- days from 89 days ago to yesterday), and today's change to the status a component has now.
INSERT INTO component_status_history (component_id, old_status, new_status, source, changed_at)
  SELECT id, NULL, 1, 'manual', localtimestamp - INTERVAL '100 days' FROM components;
INSERT INTO component_status_history (component_id, old_status, new_status, source, changed_at)
  SELECT c.id, e.old_status, e.new_status, 'monitor', e.at
  FROM components c
  CROSS JOIN generate_series(1, 89) d
  CROSS JOIN LATERAL (
    SELECT date_trunc('day', localtimestamp) - d * INTERVAL '1 day' + ((c.id * 13 + d * 7) % 20) * INTERVAL '1 hour'
           AS start, 2 + (c.id + d) % 3 AS status, (10 + (c.id * d) % 230) * INTERVAL '1 minute' AS length) o
  CROSS JOIN LATERAL (VALUES (1, o.status, o.start), (o.status, 1, o.start + o.length)) e(old_status, new_status, at)
  WHERE (c.id * 7919 + d * 104729) % 31 = 0;
INSERT INTO component_status_history (component_id, old_status, new_status, source, changed_at)
  SELECT id, 1, status, 'manual', GREATEST(date_trunc('day', localtimestamp), localtimestamp - INTERVAL '2 hours')
  FROM components WHERE status <> 1;

-- Incidents: the history (fixed, over the two years before the last week), then the last week.
INSERT INTO incidents (name, status, visible, stickied, notifications, message, occurred_at, component_id, created_at, updated_at)
  SELECT 'Incident ' || n || ': elevated error rates', 4, n % 20 <> 0, FALSE, FALSE,
         'We are seeing **elevated error rates** on some requests.' || chr(10) || chr(10) ||
         '- first reports from the monitors' || chr(10) || '- [details](https://example.com/incidents/' || n || ')',
         t.at, CASE WHEN n % 10 < 6 THEN 1 + (n * 37) % $nc ELSE 0 END, t.at, t.at
  FROM generate_series(1, $ni - $recent) n
  CROSS JOIN LATERAL (SELECT localtimestamp - INTERVAL '7 days'
                             - (($ni - $recent - n) * 723.0 / ($ni - $recent)) * INTERVAL '1 day' AS at) t;
INSERT INTO incidents (name, status, visible, stickied, notifications, message, occurred_at, component_id, created_at, updated_at)
  SELECT 'Recent incident ' || n || ': slow responses', CASE WHEN n > $recent - 4 THEN 1 + n % 3 ELSE 4 END,
         TRUE, n = $recent, FALSE, 'Some requests take **several seconds**; we are looking into it.',
         t.at, 1 + (n * 53) % $nc, t.at, t.at
  FROM generate_series(1, $recent) n
  CROSS JOIN LATERAL (SELECT localtimestamp - ($recent - n) * INTERVAL '8 hours' - INTERVAL '20 minutes' AS at) t;
-- 70 % have 1 to 3 updates; the last update of a fixed incident says so.
INSERT INTO incident_updates (incident_id, status, message, created_at, updated_at)
  SELECT i.id, CASE WHEN k = 1 + i.id % 3 AND i.status = 4 THEN 4 ELSE LEAST(k + 1, 3) END,
         CASE WHEN k = 1 + i.id % 3 AND i.status = 4 THEN 'Fixed; error rates are back to normal.'
              ELSE 'We found the cause and are working on it (update ' || k || ').' END,
         i.occurred_at + k * INTERVAL '20 minutes', i.occurred_at + k * INTERVAL '20 minutes'
  FROM incidents i CROSS JOIN generate_series(1, 3) k
  WHERE i.id % 10 < 7 AND k <= 1 + i.id % 3;
-- 60 % affect components: the one they name, and a second one for every fourth.
INSERT INTO incident_components (incident_id, component_id, component_status, created_at, updated_at)
  SELECT id, component_id, 2 + id % 3, occurred_at, occurred_at FROM incidents WHERE component_id <> 0;
INSERT INTO incident_components (incident_id, component_id, component_status, created_at, updated_at)
  SELECT id, 1 + (component_id + 1) % $nc, 2 + (id + 1) % 3, occurred_at, occurred_at
  FROM incidents WHERE component_id <> 0 AND id % 4 = 0 AND 1 + (component_id + 1) % $nc <> component_id;

-- 10 metrics on the page, their points evenly over the last 30 days.
INSERT INTO metrics (name, suffix, description, default_value, calc_type, display_chart, places, default_view,
                     threshold, position, visible, created_at, updated_at)
  SELECT 'Metric ' || n, 'ms', 'Median response time of service ' || n || '.', 0, n % 2, TRUE, 2, n % 4, 5, n, 1,
         localtimestamp - INTERVAL '400 days', localtimestamp - INTERVAL '400 days'
  FROM generate_series(1, $nm) n;
INSERT INTO metric_points (metric_id, point_value, counter, created_at, updated_at)
  SELECT m.id, 50 + (k * 37 + m.id * 11) % 200, 1, t.at, t.at
  FROM metrics m CROSS JOIN generate_series(1, $per_metric) k
  CROSS JOIN LATERAL (SELECT localtimestamp - (k * 30.0 * 86400 / $per_metric) * INTERVAL '1 second' AS at) t;
UPDATE metrics SET point_count = (SELECT COUNT(*) FROM metric_points p WHERE p.metric_id = metrics.id);
-- what the app keeps on every write of an incident (V23): rows seeded behind its back are marked
-- resolved here the same way, or every one of them would be checked as possibly unresolved
UPDATE incidents SET maybe_unresolved = FALSE
    WHERE COALESCE((SELECT u.status FROM incident_updates u WHERE u.incident_id = incidents.id
        ORDER BY u.created_at DESC, u.id DESC LIMIT 1), incidents.status) = 4;
ANALYZE;
SQL
}

# rss PID: "VmRSS VmHWM" of the process, in MB.
rss() { awk '/^VmRSS:/ { r = $2 } /^VmHWM:/ { h = $2 } END { printf "%.0f %.0f\n", r / 1024, h / 1024 }' "/proc/$1/status"; }

run_size() {
	local scale=$1 nc ng ni np log start t_start
	nc=$(awk -v s="$scale" 'BEGIN { printf "%d", 1000 * s }')
	ng=$(awk -v s="$scale" 'BEGIN { printf "%d", 50 * s }')
	ni=$(awk -v s="$scale" 'BEGIN { printf "%d", 100000 * s }')
	np=$(awk -v s="$scale" 'BEGIN { printf "%d", 1000000 * s }')
	log=$results/freshness-$scale-app.log
	echo "== SCALE=$scale: $nc components in $ng groups, $ni incidents, $np metric points over 10 metrics"

	bench_recreate_pg_db "$db"
	[ -z "$profile" ] || sql -c "ALTER DATABASE $db SET log_min_duration_statement = $slow_sql_ms"
	echo "== migrating (the app's Flyway, then it exits)"
	start_app "$tmp/migrate.log" -Dspring.context.exit=onRefresh
	wait "$app_pid" || { echo "the migration run failed:" >&2; tail -n 30 "$tmp/migrate.log" >&2; exit 1; }
	[ "$(sql -tAc "SELECT COUNT(*) FROM flyway_schema_history WHERE success")" -gt 0 ] ||
		{ echo "no migrations ran:" >&2; tail -n 30 "$tmp/migrate.log" >&2; exit 1; }

	echo "== seeding with SQL"
	start=$(date +%s)
	seed "$nc" "$ng" "$ni" "$np"
	echo "seeded in $(($(date +%s) - start)) s: $(sql -tAc "SELECT (SELECT COUNT(*) FROM components) || ' components, '
		|| (SELECT COUNT(*) FROM incidents) || ' incidents, ' || (SELECT COUNT(*) FROM incident_updates) || ' updates, '
		|| (SELECT COUNT(*) FROM incident_components) || ' affected components, '
		|| (SELECT COUNT(*) FROM metric_points) || ' points, '
		|| (SELECT COUNT(*) FROM component_status_history) || ' status changes'")"

	local profile_opts=()
	if [ -n "$profile" ]; then
		profile_opts=("-XX:StartFlightRecording:settings=profile,filename=$results/freshness-$scale.jfr,dumponexit=true")
		pg_log_start=$(stat -c %s "$pg_log" 2>/dev/null || echo 0)
	fi
	echo "== starting $jar with $java_opts on port $port"
	t_start=$(date +%s%N)
	start_app "$log" "${profile_opts[@]}"
	# 600 s: on this shared machine a start took 185 s (2 cores, load 30)
	bench_wait_app "$app" "$app_pid" "$log" /api/v1/subscribers 600
	# The first page has the seeded components, and the uptime days are rolled up.
	local i
	for i in $(seq 1 120); do
		[ "$(curl -fsS "$app/api/v2/summary.json" 2>/dev/null | jq '[.components[] | select(.group | not)] | length')" = "$nc" ] &&
			[ "$(sql -tAc "SELECT COUNT(DISTINCT uptime_day) FROM component_daily_uptime")" -ge 89 ] && break
		[ "$i" = 120 ] && { echo "the page did not show the seeded data within 120 s" >&2; tail -n 30 "$log" >&2; exit 1; }
		sleep 1
	done
	local ready_s
	ready_s=$(awk -v a="$t_start" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')
	read -r rss_start hwm_start <<<"$(rss "$app_pid")"
	echo "page ready ${ready_s} s after the start; RSS ${rss_start} MB (peak ${hwm_start} MB)"

	# The components to change: two per group at most, across the groups; the open incidents.
	sql -tAc "SELECT json_build_object(
		'components', (SELECT json_agg(c ORDER BY c.r, c.group_id) FROM (
			SELECT id, name, description, link, status, group_id, position,
			       row_number() OVER (PARTITION BY group_id ORDER BY id) AS r
			FROM components) c WHERE c.r <= 2),
		'incidents', (SELECT json_agg(json_build_object('id', id, 'status', status) ORDER BY occurred_at DESC)
			FROM incidents WHERE status < 4 AND visible))" >"$tmp/targets.json"

	local load_before load_after
	load_before=$(cut -d ' ' -f 1-3 /proc/loadavg)
	echo "== $warmup warm-up and $changes measured changes (load $load_before)"
	FRESHNESS_TIMEOUT_S=$timeout_s python3 bench/freshness-probe.py "$app" "$token" "$admin" "$password" "$tmp/targets.json" "$changes" "$warmup" \
		>"$tmp/probe.json"
	load_after=$(cut -d ' ' -f 1-3 /proc/loadavg)

	local alive=true rss_end hwm_end gc="null" oom
	kill -0 "$app_pid" 2>/dev/null && curl -fsS -o /dev/null "$app/api/v1/ping" || alive=false
	if [ "$alive" = true ]; then
		read -r rss_end hwm_end <<<"$(rss "$app_pid")"
		# S0 S1 E O M CCS YGC YGCT FGC FGCT CGC CGCT GCT
		gc=$(jstat -gcutil "$app_pid" | awk 'NR == 2 { printf "{\"young\":%d,\"young_s\":%s,\"full\":%d,\"full_s\":%s,\"concurrent\":%d,\"total_s\":%s,\"old_used_pct\":%s}", $7, $8, $9, $10, $11, $13, $4 }')
	else
		rss_end=null hwm_end=null
	fi
	oom=$(grep -c 'OutOfMemoryError' "$log" || true)

	jq -n --argjson probe "$(cat "$tmp/probe.json")" --arg scale "$scale" --arg load_before "$load_before" \
		--arg load_after "$load_after" \
		--argjson alive "$alive" --argjson rss_start "$rss_start" --argjson hwm_start "$hwm_start" \
		--argjson rss_end "$rss_end" --argjson hwm_end "$hwm_end" --argjson gc "$gc" --argjson oom "$oom" \
		--argjson ready_s "$ready_s" --arg java_opts "$java_opts" --arg jar "$jar" \
		--argjson data "{\"components\":$nc,\"groups\":$ng,\"incidents\":$ni,\"metric_points\":$np,\"metrics\":10}" \
		'{scale: ($scale | tonumber), data: $data, java_opts: $java_opts, jar: $jar, load_before: $load_before,
		  load_after: $load_after, page_ready_s: $ready_s, visible: $probe.visible, probe_timeout_s: $probe.timeout_s,
		  app_alive: $alive, rss_mb: {after_start: $rss_start, after_run: $rss_end, peak: $hwm_end},
		  gc: $gc, out_of_memory_errors: $oom, bytes: $probe.bytes, poll_errors: $probe.poll_errors,
		  changes: $probe.changes}' >"$tmp/size-$scale.json"

	jq -r '"-- SCALE=\(.scale), load \(.load_before) -> \(.load_after); page ready \(.page_ready_s) s after start",
		"  app alive: \(.app_alive); RSS after start \(.rss_mb.after_start) MB, after the run \(.rss_mb.after_run) MB, peak \(.rss_mb.peak) MB; OutOfMemoryError lines: \(.out_of_memory_errors)",
		"  GC: \(.gc); page bytes: \(.bytes)"' "$tmp/size-$scale.json"

	bench_cleanup_app
	if [ -n "$profile" ] && [ -r "$pg_log" ]; then
		tail -c +"$((pg_log_start + 1))" "$pg_log" | grep -A3 "@$db " | grep -v '^--$' >"$results/freshness-$scale-slow-sql.log" || true
		echo "  slow SQL (> $slow_sql_ms ms): $(grep -c 'duration:' "$results/freshness-$scale-slow-sql.log" || true) statements in $results/freshness-$scale-slow-sql.log; JFR in $results/freshness-$scale.jfr"
	fi
}

# bench_cleanup_app: stops the app of this size (gracefully, so the JFR recording is written).
bench_cleanup_app() {
	kill "$app_pid" 2>/dev/null || true
	wait "$app_pid" 2>/dev/null || true
}

for scale in "${scales[@]}"; do
	run_size "$scale"
done
files=()
for scale in "${scales[@]}"; do files+=("$tmp/size-$scale.json"); done
jq -s --arg date "$(date -u +%Y-%m-%dT%H:%M:%SZ)" --arg cpus "$(nproc)" '{date: $date, cpus: ($cpus | tonumber), sizes: .}' \
	"${files[@]}" >"$results/freshness.json"
echo "== written $results/freshness.json"
