#!/usr/bin/env bash
# Measures the throughput of the public status page (`/` and `/api/v2/summary.json`) against the
# ceiling of this machine: nginx serving the very same bytes as static files.
#
#   bench/status-page.sh
#
# It starts the packaged jar on the embedded H2 database in a fresh temporary data dir (building the
# jar if the sources are newer), seeds a realistic page through the v1 API (8 groups, 50 components,
# 5 metrics with 200 points each, 200 incidents over 30 days), saves each page as the app serves it,
# has nginx serve those files, checks that both serve identical bytes, then runs wrk on both:
# a discarded warm-up of the app, then nginx, then the app. It prints req/s and p99 latency of each,
# app/nginx in %, wrk's socket errors, and PASS/MISS against the targets of issue 16 (app ≥ 80 % of
# nginx, app p99 ≤ 10 ms at 64 connections, no socket errors).
# With JAVA_OPTS_SETS it measures several JVM settings on the same seeded data: the app is stopped
# and started again on its data dir with each, and gets a table of its own.
# It exits 0 whatever the figures; non-zero only when something broke.
#
# Environment (all optional):
#   PORT=18080 NGINX_PORT=18081   ports of the app and of nginx
#   DURATION=15 WARMUP=15         seconds of each measured wrk run / of the app's warm-up run
#   ROUNDS=3                      alternating nginx/app runs per path; the medians are reported
#   SKIP_BUILD=1                  use target/cachet*.jar as it is
#   JAR=path/to/cachet.jar        measure that jar (e.g. one built from another commit); no build
#   BENCH_PATHS="/ /api/v2/summary.json"   paths to compare (space separated)
#   JAVA_OPTS=                    the JVM options of the app, e.g. the project's launch settings
#   JAVA_OPTS_SETS="-Xmx256m -XX:+UseSerialGC|-Xmx256m"   several JVM settings, one after the
#                                 other on the same data ("|" between them; an empty one is the
#                                 JVM's defaults); JAVA_OPTS is then ignored
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

port=${PORT:-18080}
nginx_port=${NGINX_PORT:-18081}
duration=${DURATION:-15}
warmup=${WARMUP:-15} # a cold JIT on a busy machine answers at a tenth of its speed for a minute
rounds=${ROUNDS:-3}
read -r -a paths <<<"${BENCH_PATHS:-/ /api/v2/summary.json}"
token=bench-status-token-0123456789abcdef
app=http://127.0.0.1:$port
# The targets (issue 16): the app keeps 80 % of what a static server does on the same bytes, at
# p99 ≤ 10 ms with 64 connections.
min_ratio=80
max_p99_ms=10
if [ -n "${JAVA_OPTS_SETS+x}" ]; then
	IFS='|' read -r -a java_opts_sets <<<"$JAVA_OPTS_SETS"
	# read drops a trailing empty field, and makes none of an empty string
	if [ "${JAVA_OPTS_SETS: -1}" = '|' ] || [ ${#java_opts_sets[@]} = 0 ]; then java_opts_sets+=(''); fi
else
	java_opts_sets=("${JAVA_OPTS:-}")
fi

# -- tools: nginx (the reference) and wrk (the load generator), from Debian if missing -------------
bench_install_missing nginx:nginx-light wrk:wrk

# -- cleanup: everything started here is stopped and the temp dir removed, however the script ends --
bench_init

# -- the jar: rebuilt when a source or the pom is newer, so routes added on main are measured --------
# Compared with a stamp file, not the jar: reproducible builds give the jar a fixed old mtime.
find_jar() { ls target/cachet*.jar 2>/dev/null | grep -v -- '-plain\.jar$' | head -n 1 || true; }
stamp=target/.bench-jar-built
if [ -n "${JAR:-}" ]; then
	[ -f "$JAR" ] || { echo "no $JAR" >&2; exit 1; }
elif [ "${SKIP_BUILD:-}" != 1 ] && { [ -z "$(find_jar)" ] || [ ! -f $stamp ] || [ -n "$(find src pom.xml -newer $stamp -print -quit)" ]; }; then
	echo "== building the jar"
	touch "$tmp/stamp" # sources changed during the build are newer than this, so they rebuild next time
	./mvnw -q -B -ntp -DskipTests package
	mv "$tmp/stamp" $stamp
fi
jarfile=${JAR:-$(find_jar)}
[ -n "$jarfile" ] || { echo "no target/cachet*.jar (run without SKIP_BUILD=1)" >&2; exit 1; }

# -- the app, on H2 in an empty data dir so the seeded data is all there is -------------------------
# start_app OPTIONS: starts the jar with those JVM options on $tmp/data and waits for it.
start_app() {
	echo "== starting $jarfile on port $port (H2 in $tmp/data), JVM options: ${1:-none}"
	# shellcheck disable=SC2086 # the options are a list
	CACHET_DATA_DIR=$tmp/data CACHET_ADMIN_USERNAME=bench CACHET_ADMIN_EMAIL=bench@example.com \
		CACHET_ADMIN_PASSWORD=benchbench123 CACHET_ADMIN_API_TOKEN=$token CACHET_API_RATE_LIMIT=0 \
		java $1 -jar "$jarfile" --server.port="$port" >"$tmp/app.log" 2>&1 &
	app_pid=$!
	bench_started "$app_pid"
	bench_wait_app "$app" "$app_pid" "$tmp/app.log" /api/v1/subscribers 600 # minutes when the machine is busy
}
stop_app() {
	kill "$app_pid"
	wait "$app_pid" 2>/dev/null || true # graceful shutdown: the port is free after it
}
start_app "${java_opts_sets[0]}"

# -- seeding through the v1 API ---------------------------------------------------------------------
echo "== seeding: 8 groups, 50 components, 5 metrics x 200 points, 200 incidents"
bench_seed_page

# -- the pages as the app serves them -------------------------------------------------------------
# save_pages: saves each page as the app serves it into nginx's root, once it stays the same: the
# page is rebuilt in memory after changes, which takes seconds on a busy machine.
mkdir -p "$tmp/www"
save_pages() {
	local n i
	types=()
	for n in "${!paths[@]}"; do
		for i in $(seq 1 60); do
			# No Accept-Encoding, as wrk sends none: both sides answer uncompressed bytes.
			types[n]=$(curl -fsS -o "$tmp/www/page$n" -w '%{content_type}' "$app${paths[n]}") ||
				{ echo "GET ${paths[n]} failed: is the route on this branch? (BENCH_PATHS picks other paths)" >&2; exit 1; }
			sleep 2
			curl -fsS -o "$tmp/again$n" "$app${paths[n]}"
			cmp -s "$tmp/www/page$n" "$tmp/again$n" && break
			[ "$i" = 60 ] && { echo "${paths[n]} kept changing for 2 minutes" >&2; exit 1; }
		done
		echo "${paths[n]}: $(wc -c <"$tmp/www/page$n") bytes, ${types[n]}"
	done
}
save_pages

# -- nginx serving those files at the same paths, with the app's Content-Type ---------------------
mkdir -p "$tmp/nginx"
{
	# root: the workers must read the files in the private temp dir; the directive only applies as root.
	[ "$(id -u)" = 0 ] && echo "user root;"
	cat <<-CONF
		worker_processes auto;
		daemon off;
		pid $tmp/nginx/nginx.pid;
		error_log $tmp/nginx/error.log warn;
		events { worker_connections 1024; }
		http {
		    access_log off;
		    sendfile on;
		    client_body_temp_path $tmp/nginx/body;
		    proxy_temp_path $tmp/nginx/proxy;
		    fastcgi_temp_path $tmp/nginx/fastcgi;
		    uwsgi_temp_path $tmp/nginx/uwsgi;
		    scgi_temp_path $tmp/nginx/scgi;
		    server {
		        listen 127.0.0.1:$nginx_port;
		        root $tmp/www;
		        types { }
	CONF
	for n in "${!paths[@]}"; do
		# Exact match on the path (nginx matches without the query string); the empty types map
		# makes default_type the Content-Type, the one the app sent.
		echo "        location = ${paths[n]%%\?*} { default_type \"${types[n]}\"; try_files /page$n =404; }"
	done
	echo "    }"
	echo "}"
} >"$tmp/nginx/nginx.conf"
bench_start_nginx "$tmp/nginx" "http://127.0.0.1:$nginx_port${paths[0]}"

# -- both must serve the same bytes, or the comparison means nothing ------------------------------
# check_same: the app is asked again, so a page that changes from one request to the next is caught too.
check_same() {
	local n ctype
	for n in "${!paths[@]}"; do
		curl -fsS -o "$tmp/app$n" "$app${paths[n]}"
		ctype=$(curl -fsS -o "$tmp/nginx$n" -w '%{content_type}' "http://127.0.0.1:$nginx_port${paths[n]}")
		cmp "$tmp/app$n" "$tmp/nginx$n" ||
			{ echo "${paths[n]}: the app and nginx serve different bytes" >&2; exit 1; }
		[ "$ctype" = "${types[n]}" ] || { echo "${paths[n]}: nginx sends $ctype, the app ${types[n]}" >&2; exit 1; }
	done
	echo "nginx serves the same bytes and Content-Type as the app"
}

# -- wrk ---------------------------------------------------------------------------------------------
# run URL SECONDS: prints "req/s p99_ms socket_errors" from wrk's summary. Non-2xx answers abort:
# the figures would not be of the page. Socket errors (mostly wrk's 2 s timeouts when the machine
# is loaded) are counted instead; wrk leaves timed-out requests out of its latencies.
run() {
	local out
	out=$(wrk -t2 -c64 -d"$2"s --latency "$1")
	if grep -q 'Non-2xx' <<<"$out"; then
		printf 'wrk on %s got answers other than 2xx:\n%s\n' "$1" "$out" >&2
		return 1
	fi
	awk '
		/^Requests\/sec:/ { rps = $2 }
		# "99%  12.34ms": the unit is us, ms, s or m
		$1 == "99%" { v = $2 + 0; u = $2; sub(/^[0-9.]+/, "", u)
		              p99 = (u == "us") ? v / 1000 : (u == "s") ? v * 1000 : (u == "m") ? v * 60000 : v }
		# "Socket errors: connect 0, read 0, write 0, timeout 24"
		/Socket errors:/ { errors = $4 + $6 + $8 + $10 }
		END { if (rps == "" || p99 == "") exit 1; printf "%.0f %.2f %d\n", rps, p99, errors }' <<<"$out"
}

# The machine is shared and noisy: one nginx run and one app run a minute apart can see different
# loads. Alternating short runs and taking the median ratio of the rounds compares like with like.
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# measure OPTIONS: the rounds on every path against the running app, then its table.
measure() {
	local n p load results=() ratios nginx_rpss app_rpss nginx_p99s app_p99s app_errors nginx_errors
	local nginx_rps nginx_p99 n_err app_rps app_p99 a_err ratio
	load=$(cut -d ' ' -f 1-3 /proc/loadavg) # the machine is shared: say how busy it was
	echo "== wrk -t2 -c64 -d${duration}s --latency, $rounds rounds of nginx then app (app warm-up: ${warmup}s, discarded)"
	for n in "${!paths[@]}"; do
		p=${paths[n]}
		echo "$p: app warm-up, then $rounds x (nginx, app)"
		run "$app$p" "$warmup" >/dev/null
		ratios=() nginx_rpss=() app_rpss=() nginx_p99s=() app_p99s=() app_errors=0 nginx_errors=0
		for _ in $(seq 1 "$rounds"); do
			read -r nginx_rps nginx_p99 n_err <<<"$(run "http://127.0.0.1:$nginx_port$p" "$duration")"
			read -r app_rps app_p99 a_err <<<"$(run "$app$p" "$duration")"
			echo "   nginx $nginx_rps req/s p99 $nginx_p99 ms | app $app_rps req/s p99 $app_p99 ms (load $(cut -d ' ' -f 1 /proc/loadavg))"
			ratios+=("$(awk -v a="$app_rps" -v b="$nginx_rps" 'BEGIN { printf "%.4f", (b > 0) ? a / b : 0 }')")
			nginx_rpss+=("$nginx_rps") app_rpss+=("$app_rps") nginx_p99s+=("$nginx_p99") app_p99s+=("$app_p99")
			app_errors=$((app_errors + a_err)) nginx_errors=$((nginx_errors + n_err))
		done
		ratio=$(printf '%s\n' "${ratios[@]}" | median)
		results+=("$p $(printf '%s\n' "${nginx_rpss[@]}" | median) $(printf '%s\n' "${app_rpss[@]}" | median) \
$(printf '%s\n' "${nginx_p99s[@]}" | median) $(printf '%s\n' "${app_p99s[@]}" | median) \
$(wc -c <"$tmp/www/page$n") $app_errors $nginx_errors $ratio")
	done
	summary+=("" "JVM options: ${1:-none} ($(nproc) cores shared with wrk; load average before the runs: $load)")
	summary+=("$(printf '%s\n' "${results[@]}" | awk -v min="$min_ratio" -v max="$max_p99_ms" '
		{ line[NR] = $0; if (length($1) > w) w = length($1) }
		END {
			if (w < 4) w = 4
			printf "%-" w "s %8s %11s %10s %9s %10s %10s %13s  %s\n", "path", "bytes", "nginx req/s", "app req/s", "app/nginx", "app p99", "nginx p99", "errors a/n", "result"
			for (i = 1; i <= NR; i++) {
				split(line[i], f, " ") # path nginx_rps app_rps nginx_p99 app_p99 bytes app_errors nginx_errors ratio
				ratio = 100 * f[9] # the median ratio of the rounds
				printf "%-" w "s %8d %11d %10d %7.0f %% %7.2f ms %7.2f ms %13s  %s\n", f[1], f[6], f[2], f[3], ratio, f[5], f[4],
				       f[7] "/" f[8], (ratio >= min && f[5] <= max && f[7] == 0) ? "PASS" : "MISS"
			}
		}')")
}

summary=()
check_same
measure "${java_opts_sets[0]}"
for k in "${!java_opts_sets[@]}"; do
	[ "$k" = 0 ] && continue
	stop_app
	start_app "${java_opts_sets[k]}"
	save_pages
	check_same
	measure "${java_opts_sets[k]}"
done

echo
echo "targets: app req/s >= ${min_ratio} % of nginx, app p99 <= ${max_p99_ms} ms and no socket errors"
printf '%s\n' "${summary[@]}"
