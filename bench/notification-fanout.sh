#!/usr/bin/env bash
# Measures the e-mail fan-out of one incident to many verified subscribers: how fast the API accepts
# the incident (the fan-out must happen after the response) and how long until every subscriber's
# mail has been handed to a local SMTP server.
#
#   bench/notification-fanout.sh
#
# It re-creates the PostgreSQL database `cachet_bench_fanout` (dropping an old one), starts the SMTP
# sink bench/smtp-sink.py, starts the packaged jar on that database with SMTP pointed at the sink
# (building the jar if it is missing), inserts SUBSCRIBERS verified global subscribers with SQL once
# Flyway has made the schema, creates one component through the API, posts warm-up incidents with
# notify false (they send nothing), then times one POST /api/v1/incidents with notify true. It then
# follows the sink's counts (the app has no progress endpoint) until it holds a mail for every
# subscriber or WAIT_MAX seconds have passed, and prints the API's accept time, the time from the
# API's response to the last mail, messages, distinct recipients, messages with List-Unsubscribe,
# messages/s and the app's CPU use; PASS/MISS against the targets (accepted in under 100 ms, all
# subscribers mailed within 60 s). The figures also go to bench/results/notification-fanout.json.
# It exits 0 whatever the figures; non-zero only when something broke.
#
# Environment (all optional):
#   SUBSCRIBERS=100000            verified global subscribers to generate
#   DB=cachet_bench_fanout        PostgreSQL database on 127.0.0.1:5432 (user postgres, trust auth)
#   SMTP_PORT=2525 APP_PORT=8097  ports of the SMTP sink and of the app
#   JAR=target/cachet.jar         the app; built with ./mvnw if it is missing
#   WAIT_MAX=180                  seconds to wait for the mails after the API's response
#   WARMUP=3                      notify=false incidents posted before the measured one
#   RESULTS=bench/results/notification-fanout.json
#   JAVA_OPTS=                    extra JVM options, e.g. -Xmx1g
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

subscribers=${SUBSCRIBERS:-100000}
db=${DB:-cachet_bench_fanout}
smtp_port=${SMTP_PORT:-2525}
app_port=${APP_PORT:-8097}
jar=${JAR:-target/cachet.jar}
wait_max=${WAIT_MAX:-180}
warmup=${WARMUP:-3}
results=${RESULTS:-bench/results/notification-fanout.json}
token=bench-fanout-token-0123456789abcdefghij # 40 characters
app=http://127.0.0.1:$app_port
# The targets: the API answers in under 100 ms, every subscriber's mail is at the SMTP server in 60 s.
max_accept_ms=100
max_delivery_s=60

# The generated subscribers, "column|SQL expression" (g is the generate_series number, 1..N).
# The optional columns are only filled where the table has them (checked in information_schema),
# so the script runs before and after the migration that adds them.
subscriber_columns=(
	"email|'user' || g || '@example.test'"
	"verify_code|md5(g::text) || g"
	"verified_at|now()"
	"global|true"
	"created_at|now()"
	"updated_at|now()"
)
optional_subscriber_columns=(
	"locale|'en'"
)

sql() { psql -q -X -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres -d "$db" "$@"; }

# -- cleanup: the app and the sink are stopped and the temp dir removed, however the script ends ----
bench_init

# -- the jar -----------------------------------------------------------------------------------------
bench_jar_or_build

# -- the database, empty ------------------------------------------------------------------------------
bench_recreate_pg_db "$db"

# -- the SMTP sink --------------------------------------------------------------------------------------
stats=$tmp/smtp-stats.json
python3 bench/smtp-sink.py "$smtp_port" "$stats" 2>"$tmp/sink.log" &
sink_pid=$!
bench_started "$sink_pid"
for i in $(seq 1 50); do # the sink writes its stats file once it listens
	[ -s "$stats" ] && break
	if ! kill -0 "$sink_pid" 2>/dev/null || [ "$i" = 50 ]; then
		echo "the SMTP sink did not start on port $smtp_port:" >&2
		cat "$tmp/sink.log" >&2
		exit 1
	fi
	sleep 0.1
done
# sink_stat KEY: one figure of the sink's latest stats (null before the first mail for the times)
sink_stat() { jq -r ".$1" "$stats"; }

# -- the app ------------------------------------------------------------------------------------------
echo "== starting $jar on port $app_port (PostgreSQL $db, SMTP 127.0.0.1:$smtp_port)"
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/$db SPRING_DATASOURCE_USERNAME=postgres \
	SPRING_DATASOURCE_PASSWORD='' SERVER_PORT=$app_port \
	SPRING_MAIL_HOST=127.0.0.1 SPRING_MAIL_PORT=$smtp_port CACHET_MAIL_FROM=status@example.test \
	CACHET_APP_URL=$app CACHET_DATA_DIR=$tmp/data \
	CACHET_ADMIN_USERNAME=bench CACHET_ADMIN_EMAIL=bench@example.test \
	CACHET_ADMIN_PASSWORD=bench-password-123 CACHET_ADMIN_API_TOKEN=$token CACHET_API_RATE_LIMIT=0 \
	java ${JAVA_OPTS:-} -jar "$jar" >"$tmp/app.log" 2>&1 &
app_pid=$!
bench_started "$app_pid"
bench_wait_app "$app" "$app_pid" "$tmp/app.log"

# -- the subscribers, with SQL (Flyway has made the schema by now) ---------------------------------
existing=$(sql -At -c "SELECT column_name FROM information_schema.columns
	WHERE table_schema = current_schema() AND table_name = 'subscribers'")
columns=() values=()
for entry in "${subscriber_columns[@]}" "${optional_subscriber_columns[@]}"; do
	column=${entry%%|*}
	if ! grep -qx "$column" <<<"$existing"; then
		echo "   (the subscribers table has no column $column: left out)"
		continue
	fi
	columns+=("$column") values+=("${entry#*|}")
done
echo "== inserting $subscribers verified global subscribers (${columns[*]})"
start=$(date +%s.%N)
sql <<SQL
INSERT INTO subscribers ($(IFS=,; echo "${columns[*]}"))
  SELECT $(printf '%s, ' "${values[@]}" | sed 's/, $//') FROM generate_series(1, $subscribers) AS s(g);
ANALYZE subscribers;
SQL
verified=$(sql -At -c "SELECT count(*) FROM subscribers WHERE verified_at IS NOT NULL AND global")
echo "$verified verified global subscribers in $(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }') s"

# -- the API ------------------------------------------------------------------------------------------
# post PATH JSON: prints "HTTP_CODE TIME_TOTAL_S" and leaves the answer in $tmp/answer; non-2xx aborts.
post() {
	local out
	out=$(curl -sS -o "$tmp/answer" -w '%{http_code} %{time_total}' -X POST -H "X-Cachet-Token: $token" \
		-H 'Content-Type: application/json' --data "$2" "$app$1") || { echo "POST $1: curl failed" >&2; return 1; }
	if [[ $out != 2??\ * ]]; then
		printf 'POST %s answered %s: %s\nbody sent: %s\n' "$1" "${out%% *}" "$(cat "$tmp/answer")" "$2" >&2
		return 1
	fi
	printf '%s\n' "$out"
}
post /api/v1/components '{"name":"API","status":1}' >/dev/null
for i in $(seq 1 "$warmup"); do
	post /api/v1/incidents "{\"name\":\"Bench warm-up $i\",\"message\":\"Warm-up, no mails\",\"status\":4,\"visible\":0,\"notify\":false}" >/dev/null
done
sleep 1
before=$(sink_stat messages)
[ "$before" = 0 ] || echo "   note: the sink already holds $before mails before the measured incident"

# CPU ticks (user + system) of a process, from /proc
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
hz=$(getconf CLK_TCK)
app_ticks0=$(ticks "$app_pid") sink_ticks0=$(ticks "$sink_pid")

echo "== POST /api/v1/incidents with notify true, $subscribers subscribers"
sent_at=$(date +%s.%N)
answer=$(post /api/v1/incidents '{"name":"Bench outage","message":"Investigating","status":1,"visible":1,"notify":true}')
answered_at=$(date +%s.%N)
read -r code seconds <<<"$answer"
accept_ms=$(awk -v s="$seconds" 'BEGIN { printf "%.1f", s * 1000 }')
echo "answered $code in $accept_ms ms"

# -- the sink's counts, until every subscriber has a mail or WAIT_MAX seconds have passed ------------
echo "== waiting for $subscribers distinct recipients at the sink (at most $wait_max s)"
last_print=0
while :; do
	sleep 0.5
	distinct=$(sink_stat distinct_recipients)
	elapsed=$(awk -v s="$answered_at" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
	if [ "${elapsed%.*}" -ge $((last_print + 5)) ]; then
		last_print=${elapsed%.*}
		echo "   ${elapsed} s: $(sink_stat messages) messages, $distinct distinct recipients"
	fi
	[ "$distinct" -ge "$subscribers" ] && break
	[ "${elapsed%.*}" -ge "$wait_max" ] && { echo "   gave up after $wait_max s"; break; }
	kill -0 "$app_pid" 2>/dev/null || { echo "the app died; end of its log:" >&2; tail -n 30 "$tmp/app.log" >&2; exit 1; }
done
# A short settle, so late duplicates are counted too; the stats file is rewritten every 0.5 s.
sleep 2
waited=$(awk -v s="$answered_at" -v e="$(date +%s.%N)" 'BEGIN { printf "%.3f", e - s }')
app_ticks1=$(ticks "$app_pid") sink_ticks1=$(ticks "$sink_pid")
cp "$stats" "$tmp/final.json"
errors=$(grep -c -E '^\S+\s+ERROR|Exception' "$tmp/app.log" || true)

# -- the figures ------------------------------------------------------------------------------------
mkdir -p "$(dirname "$results")"
jq -n --slurpfile s "$tmp/final.json" \
	--argjson subscribers "$subscribers" --argjson before "$before" --arg code "$code" \
	--argjson accept_ms "$accept_ms" --argjson sent_at "$sent_at" --argjson answered_at "$answered_at" \
	--argjson waited "$waited" --argjson hz "$hz" \
	--argjson app_ticks "$((app_ticks1 - app_ticks0))" --argjson sink_ticks "$((sink_ticks1 - sink_ticks0))" \
	--argjson max_accept_ms "$max_accept_ms" --argjson max_delivery_s "$max_delivery_s" \
	--argjson app_log_errors "$errors" --arg load "$(cut -d ' ' -f 1-3 /proc/loadavg)" --arg cores "$(nproc)" '
	$s[0] as $s
	| (if $s.last_at then $s.last_at - $answered_at else null end) as $to_last
	| ($s.messages - $before) as $messages
	| {
		date: (now | todate), cores: ($cores | tonumber), load_average: $load,
		subscribers: $subscribers,
		api_status: ($code | tonumber), api_accept_ms: $accept_ms,
		first_mail_after_response_s: (if $s.first_at then $s.first_at - $answered_at else null end),
		last_mail_after_response_s: $to_last,
		messages: $messages, recipients: $s.recipients, distinct_recipients: $s.distinct_recipients,
		all_subscribers_mailed: ($s.distinct_recipients == $subscribers),
		with_list_unsubscribe: $s.with_list_unsubscribe,
		messages_per_s: (if $to_last and $to_last > 0 then $messages / $to_last else null end),
		smtp_connections: $s.connections, smtp_bytes: $s.bytes, smtp_rejected_commands: $s.rejected_commands,
		app_cpu_percent: (100 * $app_ticks / $hz / $waited), sink_cpu_percent: (100 * $sink_ticks / $hz / $waited),
		cpu_window_s: $waited, app_log_error_lines: $app_log_errors,
		targets: { max_accept_ms: $max_accept_ms, max_delivery_s: $max_delivery_s },
		pass: ($accept_ms < $max_accept_ms and $s.distinct_recipients == $subscribers
		       and $to_last != null and $to_last <= $max_delivery_s)
	}' >"$results"

echo
echo "targets: accepted in < ${max_accept_ms} ms, every subscriber mailed within ${max_delivery_s} s of the response"
echo "($(nproc) cores shared by the app, PostgreSQL and the sink; load average at the end: $(jq -r .load_average "$results"))"
jq -r '
	def n(f): if . == null then "-" else (. * f | round) / f | tostring end;
	[ ["API accept time", (.api_accept_ms | n(10) + " ms"), (if .api_accept_ms < .targets.max_accept_ms then "PASS" else "MISS" end)],
	  ["first mail after the response", (.first_mail_after_response_s | n(100) + " s"), ""],
	  ["last mail after the response", (.last_mail_after_response_s | n(100) + " s"),
	     (if .last_mail_after_response_s != null and .last_mail_after_response_s <= .targets.max_delivery_s then "PASS" else "MISS" end)],
	  ["messages", (.messages | tostring), ""],
	  ["distinct recipients", "\(.distinct_recipients) of \(.subscribers)", (if .all_subscribers_mailed then "PASS" else "MISS" end)],
	  ["with List-Unsubscribe", (.with_list_unsubscribe | tostring), ""],
	  ["messages/s (response to last mail)", (.messages_per_s | n(1)), ""],
	  ["app CPU (avg over \(.cpu_window_s | n(10)) s)", (.app_cpu_percent | n(1) + " %"), ""],
	  ["sink CPU (same window)", (.sink_cpu_percent | n(1) + " %"), ""],
	  ["ERROR/Exception lines in the app log", (.app_log_error_lines | tostring), ""],
	  ["overall", "", (if .pass then "PASS" else "MISS" end)]
	] | .[] | "\(.[0])\t\(.[1])\t\(.[2])"' "$results" | awk -F '\t' '{ printf "%-40s %18s  %s\n", $1, $2, $3 }'
echo "written to $results"
