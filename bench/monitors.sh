#!/usr/bin/env bash
# Measures the cost of many HTTP monitors: 1,000 monitors at a 30 s interval against a local nginx,
# and how much of a core the app spends checking them.
#
#   bench/monitors.sh
#
# It re-creates the PostgreSQL database `cachet_bench_monitors` (dropping an old one), starts nginx
# serving a small static /health file (installing nginx-light with apt if missing), starts the
# packaged jar on that database (building the jar if it is missing), creates COMPONENTS components
# and MONITORS HTTP monitors spread over them through the API
# ({"type":"http","target":"http://127.0.0.1:PORT/health","interval":30,"timeout":5}), waits WARMUP
# seconds so every monitor has had its first check and the schedule is steady, then measures over
# DURATION seconds: the app's CPU time from /proc/PID/stat ((utime + stime) / wall time = cores),
# checks per second (monitor_results rows written in the window), checks per monitor (min / max),
# the gaps between a monitor's consecutive checks (mean / max), the outcomes (down and degraded must
# be 0), the check latency (mean / p99), requests nginx logged, and nginx's and the app's memory.
# PASS/MISS against the targets: app CPU < 1 core, checks/s within 5 % of MONITORS / INTERVAL, every
# monitor checked DURATION / INTERVAL times (± 1), no failed check. The figures also go to
# bench/results/monitors.json. It exits 0 whatever the figures; non-zero only when something broke.
#
# Environment (all optional):
#   MONITORS=1000 COMPONENTS=50   HTTP monitors to create, and components they are spread over
#   INTERVAL=30 TIMEOUT=5         each monitor's interval and timeout, seconds
#   DURATION=120 WARMUP=40        seconds measured / waited after the last monitor was created
#   DB=cachet_bench_monitors      PostgreSQL database on 127.0.0.1:5432 (user postgres, trust auth)
#   APP_PORT=8098 TARGET_PORT=18082   ports of the app and of nginx
#   JAR=target/cachet.jar         the app; built with ./mvnw if it is missing
#   RESULTS=bench/results/monitors.json
#   JAVA_OPTS=                    extra JVM options, e.g. -Xmx512m
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

monitors=${MONITORS:-1000}
components=${COMPONENTS:-50}
interval=${INTERVAL:-30}
timeout=${TIMEOUT:-5}
duration=${DURATION:-120}
warmup=${WARMUP:-40}
db=${DB:-cachet_bench_monitors}
app_port=${APP_PORT:-8098}
target_port=${TARGET_PORT:-18082}
jar=${JAR:-target/cachet.jar}
results=${RESULTS:-bench/results/monitors.json}
token=bench-monitors-token-0123456789abcdefghi # 40 characters
app=http://127.0.0.1:$app_port
target=http://127.0.0.1:$target_port/health
# The targets: under one core, the expected check rate within 5 %, no failed check.
max_cores=1.0
rate_tolerance=0.05

sql() { psql -q -X -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres -d "$db" "$@"; }

# -- nginx, the target (installed from Debian if missing) ---------------------------------------------
bench_install_missing nginx:nginx-light

# -- cleanup: the app and nginx are stopped and the temp dir removed, however the script ends ---------
bench_init

# -- the jar -----------------------------------------------------------------------------------------
bench_jar_or_build

# -- the database, empty ------------------------------------------------------------------------------
bench_recreate_pg_db "$db"

# -- nginx serving /health (a 16-byte file), one worker, with an access log to count the checks ------
mkdir -p "$tmp/nginx" "$tmp/www"
printf 'status: healthy\n' >"$tmp/www/health"
{
	# root: the worker must read the files in the private temp dir; the directive only applies as root.
	[ "$(id -u)" = 0 ] && echo "user root;"
	cat <<-CONF
		worker_processes 1;
		daemon off;
		pid $tmp/nginx/nginx.pid;
		error_log $tmp/nginx/error.log warn;
		events { worker_connections 4096; }
		http {
		    access_log $tmp/nginx/access.log;
		    client_body_temp_path $tmp/nginx/body;
		    proxy_temp_path $tmp/nginx/proxy;
		    fastcgi_temp_path $tmp/nginx/fastcgi;
		    uwsgi_temp_path $tmp/nginx/uwsgi;
		    scgi_temp_path $tmp/nginx/scgi;
		    server {
		        listen 127.0.0.1:$target_port;
		        root $tmp/www;
		        location = /health { default_type text/plain; }
		    }
		}
	CONF
} >"$tmp/nginx/nginx.conf"
bench_start_nginx "$tmp/nginx" "$target"

# -- the app ------------------------------------------------------------------------------------------
echo "== starting $jar on port $app_port (PostgreSQL $db)"
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/$db SPRING_DATASOURCE_USERNAME=postgres \
	SPRING_DATASOURCE_PASSWORD='' SERVER_PORT=$app_port CACHET_APP_URL=$app CACHET_DATA_DIR=$tmp/data \
	CACHET_ADMIN_USERNAME=bench CACHET_ADMIN_EMAIL=bench@example.test \
	CACHET_ADMIN_PASSWORD=bench-password-123 CACHET_ADMIN_API_TOKEN=$token CACHET_API_RATE_LIMIT=0 \
	java ${JAVA_OPTS:-} -jar "$jar" >"$tmp/app.log" 2>&1 &
app_pid=$!
bench_started "$app_pid"
bench_wait_app "$app" "$app_pid" "$tmp/app.log" /api/v1/monitors 120 "is /api/v1/monitors on this branch?"

# -- components and monitors through the API ----------------------------------------------------------
echo "== creating $components components and $monitors HTTP monitors (interval $interval s, timeout $timeout s)"
start=$(date +%s.%N)
cids=()
for i in $(seq 1 "$components"); do
	cids+=("$(post /api/v1/components "{\"name\":\"Service $i\",\"status\":1,\"enabled\":true}" | jq -er .data.id)")
done
for i in $(seq 0 $((monitors - 1))); do
	printf '/api/v1/monitors\t{"component_id":%d,"type":"http","target":"%s","interval":%d,"timeout":%d}\n' \
		"${cids[i % components]}" "$target" "$interval" "$timeout"
done | post_all
created=$(sql -At -c "SELECT count(*) FROM monitors WHERE enabled")
echo "$created enabled monitors in $(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }') s"
[ "$created" = "$monitors" ] || { echo "expected $monitors monitors" >&2; exit 1; }

echo "== warm-up: $warmup s (every monitor checked once, the JIT warm)"
sleep "$warmup"
kill -0 "$app_pid" 2>/dev/null || { echo "the app died; end of its log:" >&2; tail -n 30 "$tmp/app.log" >&2; exit 1; }

# -- the measured window --------------------------------------------------------------------------------
# CPU ticks (user + system) of a process, from /proc; nginx: its master and worker.
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
nginx_ticks() { local t=0 p; for p in $nginx_pid $(pgrep -P "$nginx_pid"); do t=$((t + $(ticks "$p"))); done; echo $t; }
hz=$(getconf CLK_TCK)
# The window is the result ids written between the two readings (ids only grow), so the time zone
# the timestamps were written in does not matter.
last_id() { sql -At -c "SELECT COALESCE(max(id), 0) FROM monitor_results"; }

echo "== measuring for $duration s"
id0=$(last_id) app0=$(ticks "$app_pid") nginx0=$(nginx_ticks) log0=$(wc -l <"$tmp/nginx/access.log")
t0=$(date +%s.%N)
sleep "$duration"
id1=$(last_id) app1=$(ticks "$app_pid") nginx1=$(nginx_ticks) log1=$(wc -l <"$tmp/nginx/access.log")
t1=$(date +%s.%N)
load=$(cut -d ' ' -f 1-3 /proc/loadavg)
rss_mb=$(awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$app_pid/status")
# SpringDoc warns at every start that its endpoints are on: not about the monitors.
errors=$(grep -E '^\S+\s+(ERROR|WARN)|Exception' "$tmp/app.log" | grep -vc SpringDocAppInitializer || true)

window="r.id > $id0 AND r.id <= $id1"
read -r checks down degraded up <<<"$(sql -At -F ' ' -c "SELECT count(*), count(*) FILTER (WHERE outcome = 'down'),
	count(*) FILTER (WHERE outcome = 'degraded'), count(*) FILTER (WHERE outcome = 'up') FROM monitor_results r WHERE $window")"
read -r per_min per_max never <<<"$(sql -At -F ' ' -c "SELECT min(c), max(c), count(*) FILTER (WHERE c = 0) FROM
	(SELECT m.id, count(r.id) AS c FROM monitors m LEFT JOIN monitor_results r ON r.monitor_id = m.id AND $window
	 GROUP BY m.id) AS per_monitor")"
read -r gap_mean gap_max <<<"$(sql -At -F ' ' -c "SELECT round(avg(gap)::numeric, 2), round(max(gap)::numeric, 2) FROM
	(SELECT extract(epoch FROM r.checked_at - lag(r.checked_at) OVER (PARTITION BY r.monitor_id ORDER BY r.checked_at)) AS gap
	 FROM monitor_results r WHERE $window) AS gaps WHERE gap IS NOT NULL")"
read -r lat_mean lat_p99 lat_max <<<"$(sql -At -F ' ' -c "SELECT round(avg(latency_ms)::numeric, 1),
	percentile_disc(0.99) WITHIN GROUP (ORDER BY latency_ms), max(latency_ms) FROM monitor_results r WHERE $window")"
sample_failure=$(sql -At -c "SELECT message FROM monitor_results r WHERE $window AND outcome <> 'up' LIMIT 1")

# -- the figures ------------------------------------------------------------------------------------
mkdir -p "$(dirname "$results")"
jq -n --argjson monitors "$monitors" --argjson components "$components" --argjson interval "$interval" \
	--argjson timeout "$timeout" --argjson duration "$duration" --argjson warmup "$warmup" \
	--argjson t0 "$t0" --argjson t1 "$t1" --argjson hz "$hz" \
	--argjson app_ticks "$((app1 - app0))" --argjson nginx_ticks "$((nginx1 - nginx0))" \
	--argjson checks "$checks" --argjson down "$down" --argjson degraded "$degraded" --argjson up "$up" \
	--argjson per_min "$per_min" --argjson per_max "$per_max" --argjson never "$never" \
	--argjson gap_mean "${gap_mean:-null}" --argjson gap_max "${gap_max:-null}" \
	--argjson lat_mean "${lat_mean:-null}" --argjson lat_p99 "${lat_p99:-null}" --argjson lat_max "${lat_max:-null}" \
	--argjson nginx_requests "$((log1 - log0))" --argjson rss_mb "$rss_mb" --argjson log_lines "$errors" \
	--arg sample_failure "$sample_failure" --arg load "$load" --arg cores "$(nproc)" \
	--argjson max_cores "$max_cores" --argjson tolerance "$rate_tolerance" '
	($t1 - $t0) as $wall
	| ($monitors / $interval) as $expected_rate
	| ($checks / $wall) as $rate
	| ($wall / $interval) as $expected_per_monitor
	| ($app_ticks / $hz / $wall) as $app_cores
	| {
		date: (now | todate), cores: ($cores | tonumber), load_average: $load,
		monitors: $monitors, components: $components, interval_s: $interval, timeout_s: $timeout,
		window_s: $wall, warmup_s: $warmup,
		app_cores: $app_cores, app_cpu_ms_per_check: (if $checks > 0 then 1000 * $app_ticks / $hz / $checks else null end),
		nginx_cores: ($nginx_ticks / $hz / $wall), app_rss_mb: $rss_mb,
		checks: $checks, checks_per_s: $rate, expected_checks_per_s: $expected_rate,
		nginx_requests: $nginx_requests,
		checks_per_monitor: { min: $per_min, max: $per_max, expected: $expected_per_monitor, never_checked: $never },
		gap_between_checks_s: { mean: $gap_mean, max: $gap_max },
		outcomes: { up: $up, degraded: $degraded, down: $down, sample_failure: (if $sample_failure == "" then null else $sample_failure end) },
		latency_ms: { mean: $lat_mean, p99: $lat_p99, max: $lat_max },
		app_log_warn_error_lines: $log_lines,
		targets: { max_cores: $max_cores, checks_per_s: $expected_rate, rate_tolerance: $tolerance },
		pass: {
			cpu: ($app_cores < $max_cores),
			rate: (($rate - $expected_rate | fabs) <= $tolerance * $expected_rate),
			every_monitor: ($never == 0 and $per_min >= ($expected_per_monitor | floor) - 1
			                and $per_max <= ($expected_per_monitor | ceil) + 1),
			no_failures: ($down == 0 and $degraded == 0)
		}
	} | .pass.all = (.pass | all)' >"$results"

echo
echo "targets: app CPU < $max_cores core, $(jq -r '.expected_checks_per_s | . * 10 | round / 10' "$results") checks/s (± $(awk -v t="$rate_tolerance" 'BEGIN { print t * 100 }') %), every monitor checked about DURATION/INTERVAL times, no failed check"
echo "($(nproc) cores shared by the app, PostgreSQL and nginx; load average at the end: $load)"
jq -r '
	def n(f): if . == null then "-" else (. * f | round) / f | tostring end;
	def r(b): if b then "PASS" else "MISS" end;
	[ ["window", (.window_s | n(10) + " s"), ""],
	  ["app CPU", (.app_cores | n(1000) + " cores"), r(.pass.cpu)],
	  ["app CPU per check", (.app_cpu_ms_per_check | n(100) + " ms"), ""],
	  ["checks/s", "\(.checks_per_s | n(100)) (expected \(.expected_checks_per_s | n(100)))", r(.pass.rate)],
	  ["requests nginx logged", (.nginx_requests | tostring), ""],
	  ["checks per monitor min / max", "\(.checks_per_monitor.min) / \(.checks_per_monitor.max) (expected \(.checks_per_monitor.expected | n(10)))", r(.pass.every_monitor)],
	  ["gap between checks mean / max", "\(.gap_between_checks_s.mean) / \(.gap_between_checks_s.max) s", ""],
	  ["down / degraded results", "\(.outcomes.down) / \(.outcomes.degraded)", r(.pass.no_failures)],
	  ["check latency mean / p99 / max", "\(.latency_ms.mean) / \(.latency_ms.p99) / \(.latency_ms.max) ms", ""],
	  ["nginx CPU", (.nginx_cores | n(1000) + " cores"), ""],
	  ["app RSS", "\(.app_rss_mb) MB", ""],
	  ["WARN/ERROR/Exception lines in the app log", (.app_log_warn_error_lines | tostring), ""],
	  ["overall", "", r(.pass.all)]
	] | .[] | "\(.[0])\t\(.[1])\t\(.[2])"' "$results" | awk -F '\t' '{ printf "%-42s %30s  %s\n", $1, $2, $3 }'
[ -z "$sample_failure" ] || echo "a failed check said: $sample_failure"
echo "written to $results"
