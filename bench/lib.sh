# shellcheck shell=bash
# What the bench scripts share: tools, the temp dir and cleanup, the jar, the PostgreSQL database,
# starting and waiting for the app, nginx, POSTs through the v1 API and the seeded status page.
# Sourced, never run, from a script that has `set -euo pipefail` and has cd'd to the repository root:
#
#   . "$(dirname "$0")/lib.sh"
#
# The functions read these variables of the script where they say so: app (the base URL, e.g.
# http://127.0.0.1:8080), token (the admin's API token), jar (the jar's path), JAR (set when the
# caller chose the jar) and tmp (set by bench_init).

# bench_install_missing COMMAND:PACKAGE...: installs from Debian the packages whose command is missing.
bench_install_missing() {
	local missing=() entry
	for entry in "$@"; do
		command -v "${entry%%:*}" >/dev/null || missing+=("${entry#*:}")
	done
	if [ ${#missing[@]} -gt 0 ]; then
		echo "== installing ${missing[*]}"
		apt-get update -qq
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
	fi
}

# bench_init: makes the temp dir $tmp and arranges that every process passed to bench_started is
# stopped (newest first) and the temp dir removed, however the script ends.
bench_init() {
	tmp=$(mktemp -d)
	bench_pids=()
	trap bench_cleanup EXIT
	trap 'exit 130' INT TERM
}
bench_cleanup() {
	local i pid
	for ((i = ${#bench_pids[@]} - 1; i >= 0; i--)); do
		pid=${bench_pids[i]}
		kill "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true # the app shuts down gracefully: wait, so the port is free again
	done
	rm -rf "$tmp"
}
# bench_started PID: a background process for bench_cleanup to stop.
bench_started() { bench_pids+=("$1"); }

# bench_jar_or_build: builds $jar with the Maven wrapper when it is missing, unless the caller
# named it with JAR (then a missing jar is an error).
bench_jar_or_build() {
	if [ ! -f "$jar" ]; then
		[ -z "${JAR:-}" ] || { echo "no $jar" >&2; exit 1; }
		echo "== building the jar"
		./mvnw -q -B -ntp -DskipTests package
	fi
}

# bench_recreate_pg_db NAME: drops (closing its connections) and creates a database on the local
# PostgreSQL (127.0.0.1:5432, user postgres, trust authentication).
bench_recreate_pg_db() {
	echo "== re-creating the PostgreSQL database $1"
	psql -q -X -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres -d postgres \
		-c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "CREATE DATABASE $1"
}

# bench_wait_app URL PID LOG [GUARDED_PATH] [SECONDS] [HINT]: waits until the app at URL answers
# and $token opens GUARDED_PATH (default /api/v1/subscribers): ping answers as soon as Tomcat
# listens, but the first-run admin (and so the token) is made by an ApplicationRunner just after.
# Exits with the end of LOG when the process dies or SECONDS (default 120) pass.
bench_wait_app() {
	local url=$1 pid=$2 log=$3 guarded=${4:-/api/v1/subscribers} seconds=${5:-120} hint=${6:-} i
	for i in $(seq 1 "$seconds"); do
		curl -fsS -o /dev/null "$url/api/v1/ping" 2>/dev/null &&
			curl -fsS -o /dev/null -H "X-Cachet-Token: $token" "$url$guarded" 2>/dev/null && return 0
		if ! kill -0 "$pid" 2>/dev/null || [ "$i" = "$seconds" ]; then
			echo "the app at $url did not start${hint:+ ($hint)}; end of its log:" >&2
			tail -n 30 "$log" >&2
			exit 1
		fi
		sleep 1
	done
}

# bench_start_nginx DIR URL: runs nginx (not as a daemon) on DIR/nginx.conf, its prefix DIR, and
# waits until URL answers; its pid goes to bench_started and $nginx_pid.
bench_start_nginx() {
	local dir=$1 url=$2 i
	nginx -t -q -p "$dir" -e "$dir/error.log" -c "$dir/nginx.conf"
	nginx -p "$dir" -e "$dir/error.log" -c "$dir/nginx.conf" &
	nginx_pid=$!
	bench_started "$nginx_pid"
	for i in $(seq 1 50); do
		curl -fsS -o /dev/null "$url" 2>/dev/null && return 0
		[ "$i" = 50 ] && { echo "nginx did not start:" >&2; cat "$dir/error.log" >&2; exit 1; }
		sleep 0.1
	done
}

# post PATH JSON: POSTs to $app with $token; prints the answer; any status but 2xx aborts.
post() {
	local resp code
	resp=$(curl -sS -X POST -H "X-Cachet-Token: $token" -H 'Content-Type: application/json' \
		--data "$2" -w '\n%{http_code}' "$app$1") || { echo "POST $1: curl failed" >&2; return 1; }
	code=${resp##*$'\n'}
	resp=${resp%$'\n'*}
	if [[ $code != 2?? ]]; then
		printf 'POST %s answered %s: %s\nbody sent: %s\n' "$1" "$code" "$resp" "$2" >&2
		return 1
	fi
	printf '%s\n' "$resp"
}

# post_all: the many small POSTs, 4 at a time, from lines "PATH<TAB>JSON" on stdin. One curl
# process runs them all from a config file (-Z): forking curl per request made seeding 8 times
# slower on 2 cores. Each answer's status is written out with its line number and checked.
post_all() {
	local dir
	dir=$(mktemp -d -p "$tmp" post.XXXX)
	tee "$dir/requests" |
		# In a curl config, quoted values escape \ and " with a backslash.
		sed 's/\\/\\\\/g; s/"/\\"/g' |
		awk -F '\t' -v app="$app" -v token="$token" -v dir="$dir" '
		{ if (NR > 1) print "next"
		  printf "url = \"%s%s\"\ndata = \"%s\"\noutput = \"%s/%d\"\nwrite-out = \"%%{http_code} %d\\n\"\n", app, $1, $2, dir, NR, NR
		  printf "header = \"X-Cachet-Token: %s\"\nheader = \"Content-Type: application/json\"\n", token }' \
		>"$dir/curl.cfg"
	# --no-progress-meter: curl 7.88 forgets -s after each "next" and draws its parallel meter.
	curl -sS --no-progress-meter -Z --parallel-max 4 -K "$dir/curl.cfg" >"$dir/codes" || { echo "curl failed while seeding" >&2; return 1; }
	local code n
	while read -r code n; do
		if [[ $code != 2?? ]]; then
			printf 'POST answered %s: %s\nrequest: %s\n' "$code" "$(cat "$dir/$n")" "$(sed -n "${n}p" "$dir/requests")" >&2
			return 1
		fi
	done <"$dir/codes"
	[ "$(wc -l <"$dir/codes")" = "$(wc -l <"$dir/requests")" ] || { echo "some POSTs got no answer" >&2; return 1; }
}
data_id() { jq -er '.data.id'; }

# bench_seed_page: a realistic page through $app's v1 API: 8 groups, 50 components, 5 metrics with
# 200 points each, 200 incidents over 30 days. Leaves the ids in the arrays gids and cids.
bench_seed_page() {
	local start now i g k status cstatus mid at
	start=$(date +%s)
	now=$(date +%s)
	local groups=(Website API Payments Mobile Infrastructure Email Search Integrations)
	gids=()
	for i in "${!groups[@]}"; do
		gids+=("$(post /api/v1/components/groups \
			"{\"name\":\"${groups[i]}\",\"order\":$i,\"collapsed\":0,\"visible\":1}" | data_id)")
	done

	# 50 components, about six per group; most operational (1), a few degraded, partial or major outage.
	cids=()
	for i in $(seq 0 49); do
		g=$((i % 8))
		case $((i % 17)) in 5) status=2 ;; 11) status=3 ;; 16) status=4 ;; *) status=1 ;; esac
		cids+=("$(post /api/v1/components "{\"name\":\"${groups[g]} service $((i / 8 + 1))\",\"status\":$status,\"group_id\":${gids[g]},\"description\":\"Serves the ${groups[g]} traffic, node $((i / 8 + 1)).\",\"enabled\":true}" | data_id)")
	done

	# 5 metrics, each with a point every 432 s over the last day (200 points); the values wobble by a
	# fixed pattern rather than $RANDOM, which bash reseeds in each pipeline's subshell.
	local metrics=("API response time" "Website response time" "Checkout latency" "Search latency" "Email delivery")
	for i in "${!metrics[@]}"; do
		mid=$(post /api/v1/metrics "{\"name\":\"${metrics[i]}\",\"suffix\":\"ms\",\"description\":\"Median over the last minutes.\",\"default_value\":0,\"calc_type\":1,\"display_chart\":1,\"places\":0}" | data_id)
		for k in $(seq 1 200); do
			printf '/api/v1/metrics/%s/points\t{"value":%d,"timestamp":%d}\n' \
				"$mid" $((80 + 40 * i + k * 37 % 60)) $((now - 86400 + 432 * k))
		done
	done | post_all

	# 200 incidents over the last 30 days, posted oldest first so the newest ones set the components'
	# statuses last: the 6 newest are still open (investigating, identified, watching) and put their
	# component in trouble; all older ones are fixed (4) and leave their component operational.
	for i in $(seq 199 -1 0); do
		at=$(date -u -d "@$((now - 60 - i * 12960))" '+%Y-%m-%d %H:%M:%S') # 12,960 s = 30 days / 200
		if [ "$i" -lt 6 ]; then status=$((1 + i % 3)) cstatus=$((2 + i % 3)); else status=4 cstatus=1; fi
		printf '/api/v1/incidents\t{"name":"Incident %d: elevated error rates","message":"We are seeing **elevated error rates** on %s.\\n\\n- first reports at %s UTC\\n- [details](https://example.com/incidents/%d)","status":%d,"visible":1,"component_id":%d,"component_status":%d,"occurred_at":"%s"}\n' \
			"$((200 - i))" "the service" "$at" "$((200 - i))" "$status" "${cids[i * 7 % 50]}" "$cstatus" "$at"
	done | post_all
	echo "seeded in $(($(date +%s) - start)) s"
}
