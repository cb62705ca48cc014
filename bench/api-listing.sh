#!/usr/bin/env bash
# Measures how fast the first page (and a deep page) of the /api/v1 lists answers on big data:
# 10,000 components, 100,000 incidents with updates, 1,000,000 metric points.
#
#   bench/api-listing.sh [postgres|mariadb]      (default postgres)
#
# BENCH_DB names the database (default cachet_bench), BENCH_PORT the app's port (default 18090),
# JAR the jar to run (default target/cachet.jar, built if missing), START_SECONDS how long the app
# may take to start (default 120).
#
# It creates the database on the local server (dropping an old one), starts the
# packaged jar on it (building it if needed), fills the tables with SQL, then times each URL with
# curl: 5 warm-up requests, then 40 timed ones; it prints the median and the 95th percentile.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

db=${1:-postgres}
name=${BENCH_DB:-cachet_bench}
port=${BENCH_PORT:-18090}
token=bench-token-0123456789-abcdefghij
runs=40
app=http://127.0.0.1:$port
jar=${JAR:-target/cachet.jar}

case "$db" in
postgres)
	psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $name WITH (FORCE)" \
		-c "CREATE DATABASE $name"
	url=jdbc:postgresql://127.0.0.1:5432/$name user=postgres
	sql() { psql -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres -d "$name" "$@"; }
	;;
mariadb)
	mariadb -h 127.0.0.1 -u root -e "DROP DATABASE IF EXISTS $name; CREATE DATABASE $name"
	url=jdbc:mariadb://127.0.0.1:3306/$name user=root
	sql() { mariadb -h 127.0.0.1 -u root "$name" "$@"; }
	;;
*) echo "usage: $0 [postgres|mariadb]" >&2; exit 2 ;;
esac

bench_init
bench_jar_or_build
SPRING_DATASOURCE_URL=$url SPRING_DATASOURCE_USERNAME=$user SPRING_DATASOURCE_PASSWORD= SERVER_PORT=$port \
	CACHET_DATA_DIR=$tmp/data CACHET_ADMIN_USERNAME=bench CACHET_ADMIN_EMAIL=bench@example.com \
	CACHET_ADMIN_PASSWORD=bench-password CACHET_ADMIN_API_TOKEN=$token CACHET_API_RATE_LIMIT=0 \
	java -Xmx512m -jar "$jar" >"$tmp/app.log" 2>&1 &
app_pid=$!
bench_started "$app_pid"
bench_wait_app "$app" "$app_pid" "$tmp/app.log" "" "${START_SECONDS:-120}"

echo "== generating data on $db"
start=$(date +%s)
now="now()"
if [ "$db" = postgres ]; then
	series() { echo "generate_series(1, $1) AS s(n)"; }
	ago() { echo "now() - ($1) * INTERVAL '1' $2"; }
else
	series() { echo "seq_1_to_$1 AS s"; }
	ago() { echo "now() - INTERVAL ($1) $2"; }
fi
n=$([ "$db" = postgres ] && echo "s.n" || echo "s.seq")
sql <<SQL
INSERT INTO component_groups (name, position, collapsed, visible, created_at, updated_at)
  SELECT CONCAT('Group ', $n), $n, 0, 1, $now, $now FROM $(series 100);
INSERT INTO components (name, description, link, status, position, group_id, enabled, created_at, updated_at)
  SELECT CONCAT('Component ', $n), 'Generated', '', 1 + MOD($n, 4), MOD($n, 50), 1 + MOD($n, 100), TRUE, $now, $now
  FROM $(series 10000);
INSERT INTO incidents (name, status, visible, stickied, notifications, message, occurred_at, component_id, created_at, updated_at)
  SELECT CONCAT('Incident ', $n), 1 + MOD($n, 4), MOD($n, 10) <> 0, FALSE, FALSE, 'Something broke; we are on it.',
         $(ago $n MINUTE), 1 + MOD($n, 10000), $now, $now
  FROM $(series 100000);
INSERT INTO incident_updates (incident_id, status, message, created_at, updated_at)
  SELECT id, 4, 'Fixed.', $now, $now FROM incidents;
INSERT INTO metrics (name, suffix, default_value, calc_type, display_chart, places, default_view, threshold, position, visible, created_at, updated_at)
  VALUES ('Response time', 'ms', 0, 1, TRUE, 2, 1, 5, 0, 1, $now, $now);
INSERT INTO metric_points (metric_id, point_value, counter, created_at, updated_at)
  SELECT 1, MOD($n, 500), 1, $(ago "$n * 30" SECOND), $now FROM $(series 1000000);
UPDATE metrics SET point_count = (SELECT COUNT(*) FROM metric_points p WHERE p.metric_id = metrics.id);
SQL
if [ "$db" = postgres ]; then sql -c "ANALYZE"; else sql -e "ANALYZE TABLE components, incidents, incident_updates, metric_points"; fi
echo "generated in $(($(date +%s) - start)) s"

measure() {
	local path=$1; shift
	for _ in 1 2 3 4 5; do curl -fs -o /dev/null "$@" "http://127.0.0.1:$port$path"; done
	for _ in $(seq 1 $runs); do
		curl -fs -o /dev/null -w '%{time_total}\n' "$@" "http://127.0.0.1:$port$path"
	done | sort -n | awk -v path="$path" -v auth="${1:+ (token)}" '
		{ t[NR] = $1 * 1000 }
		END { printf "%-58s median %6.1f ms   p95 %6.1f ms\n", path auth, t[int(NR / 2)], t[int(NR * 0.95)] }'
}

echo "== first pages ($runs requests each, after 5 warm-up requests)"
measure "/api/v1/components"
measure "/api/v1/components?sort=name&order=desc"
measure "/api/v1/components?status=4"
measure "/api/v1/components" -H "X-Cachet-Token: $token"
measure "/api/v1/components/groups"
measure "/api/v1/incidents"
measure "/api/v1/incidents?sort=occurred_at&order=desc"
measure "/api/v1/incidents" -H "X-Cachet-Token: $token"
measure "/api/v1/metrics/1/points"
echo "== deep pages"
measure "/api/v1/components?page=400"
measure "/api/v1/incidents?page=4000"
measure "/api/v1/metrics/1/points?page=40000"
