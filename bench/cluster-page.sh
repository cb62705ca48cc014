#!/usr/bin/env bash
# The page throughput of one node vs two nodes in cluster mode, behind a local nginx load balancer.
#
#   bench/cluster-page.sh
#
# It re-creates the PostgreSQL database cachet_bench_cluster, starts node 1 of the packaged jar in
# cluster mode (SPRING_DATA_REDIS_HOST set: shared PostgreSQL and the local Redis), seeds a realistic
# page through the v1 API the way bench/status-page.sh does (8 groups, 50 components, 5 metrics with
# 200 points each, 200 incidents over 30 days), starts node 2 with the same environment on another
# port, then checks the cluster: a component's status changed through node 1's API must show in node
# 2's /api/v2/summary.json within 1 s (CHECKS times; each delay is printed, with the delay of node 1's
# own summary beside it, which is the page rebuild's share). Both nodes must then serve the same page.
# One nginx (a non-daemon child, config in a temp dir) proxies with keep-alive connections:
#   (a) one port whose upstream is node 1 only,
#   (b) another port whose upstream is both nodes (round robin);
# wrk runs on both in alternating rounds, after a warm-up of each node. It prints req/s and p99 of
# each, the ratio two nodes / one node, and how nginx spread the requests of (b) over the nodes (from
# its access log, which logs $upstream_addr; (a) is logged the same way, so both pay the same).
# On a 2-core machine shared by nginx, wrk and both JVMs, two nodes cannot double the throughput:
# they share the same two cores. The figures show what a second node costs or gains here.
# It exits 0 whatever the figures (a delay over 1 s is reported as MISS); non-zero only when something
# broke: a node not starting, the change not on node 2 within 10 s, different bytes, a node idle in (b).
#
# Environment (all optional):
#   NODE1_PORT=18090 NODE2_PORT=18091 NGINX_PORT=18092   first ports tried; the next free one is used
#                                 (nginx takes NGINX_PORT for (a) and the next free port for (b))
#   DURATION=15 WARMUP=5          seconds of each measured wrk run / of each node's warm-up run
#   ROUNDS=3                      alternating one-node/two-node runs per path; the medians are reported
#   BENCH_PATHS="/"               paths to measure (space separated), e.g. "/ /api/v2/summary.json"
#   CHECKS=3                      status changes in the cluster check
#   REDIS_HOST=127.0.0.1 REDIS_PORT=6379   the Redis of the cluster
#   JAR=target/cachet.jar         built with ./mvnw if missing
#   JAVA_OPTS=                    extra JVM options for both nodes, e.g. -Xmx512m
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

db=cachet_bench_cluster
duration=${DURATION:-15}
warmup=${WARMUP:-5}
rounds=${ROUNDS:-3}
read -r -a paths <<<"${BENCH_PATHS:-/}"
redis_host=${REDIS_HOST:-127.0.0.1}
redis_port=${REDIS_PORT:-6379}
jar=${JAR:-target/cachet.jar}
token=bench-cluster-token-0123456789abcdefghij # 40 characters
# The cluster check: a change on node 1 is on node 2's summary within this many ms.
max_propagation_ms=1000

# -- tools: nginx (the load balancer) and wrk (the load generator), from Debian if missing ----------
bench_install_missing nginx:nginx-light wrk:wrk
command -v jq >/dev/null || { echo "jq is needed" >&2; exit 1; }

# -- cleanup: everything started here is stopped and the temp dir removed, however the script ends --
bench_init

# free_port N: the first port from N up that nothing listens on (TCP, any address).
free_port() {
	local p=$1
	while ss -Htln "sport = :$p" | grep -q .; do p=$((p + 1)); done
	echo "$p"
}
node1_port=$(free_port "${NODE1_PORT:-18090}")
node2_port=$(free_port "${NODE2_PORT:-$((node1_port + 1))}")
[ "$node2_port" != "$node1_port" ] || node2_port=$(free_port $((node1_port + 1)))
one_port=$(free_port "${NGINX_PORT:-$((node2_port + 1))}")
while [ "$one_port" = "$node1_port" ] || [ "$one_port" = "$node2_port" ]; do one_port=$(free_port $((one_port + 1))); done
two_port=$(free_port $((one_port + 1)))
while [ "$two_port" = "$node1_port" ] || [ "$two_port" = "$node2_port" ]; do two_port=$(free_port $((two_port + 1))); done
node1=http://127.0.0.1:$node1_port
node2=http://127.0.0.1:$node2_port

# -- the jar -----------------------------------------------------------------------------------------
bench_jar_or_build

# -- the services: PostgreSQL (database re-created) and Redis ---------------------------------------
redis-cli -h "$redis_host" -p "$redis_port" ping >/dev/null 2>&1 ||
	{ echo "no Redis at $redis_host:$redis_port (cluster mode needs it)" >&2; exit 1; }
bench_recreate_pg_db "$db"

# -- the nodes: same environment, but for the port --------------------------------------------------
# start_node PORT LOG: starts a node in the background (its pid in $started_pid).
start_node() {
	# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
	SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/$db SPRING_DATASOURCE_USERNAME=postgres \
		SPRING_DATASOURCE_PASSWORD='' SPRING_DATA_REDIS_HOST=$redis_host SPRING_DATA_REDIS_PORT=$redis_port \
		SERVER_PORT=$1 CACHET_DATA_DIR=$tmp/data \
		CACHET_ADMIN_USERNAME=bench CACHET_ADMIN_EMAIL=bench@example.test \
		CACHET_ADMIN_PASSWORD=bench-password-123 CACHET_ADMIN_API_TOKEN=$token CACHET_API_RATE_LIMIT=0 \
		java ${JAVA_OPTS:-} -jar "$jar" >"$2" 2>&1 &
	started_pid=$!
	bench_started "$started_pid"
}
# wait_node URL PID LOG: until the node answers and its admin token opens a guarded list.
wait_node() { bench_wait_app "$1" "$2" "$3" /api/v1/subscribers 180; }

echo "== starting node 1: $jar on port $node1_port (PostgreSQL $db, Redis $redis_host:$redis_port)"
start_node "$node1_port" "$tmp/node1.log"
node1_pid=$started_pid
wait_node "$node1" "$node1_pid" "$tmp/node1.log"

# -- seeding through node 1's v1 API (the approach and data of bench/status-page.sh) ------------------
app=$node1
echo "== seeding node 1: 8 groups, 50 components, 5 metrics x 200 points, 200 incidents"
bench_seed_page

echo "== starting node 2 on port $node2_port, same environment"
start_node "$node2_port" "$tmp/node2.log"
node2_pid=$started_pid
wait_node "$node2" "$node2_pid" "$tmp/node2.log"

# -- cluster check: a change through node 1 shows on node 2 within 1 s -------------------------------
# CHECKS changes of one component's status through node 1's API; after each, both nodes' summaries are
# read until the component's entry differs from before: node 2's delay is the figure checked, node 1's
# own delay (its local rebuild) tells how much of it is the page rebuild rather than Redis.
checks=${CHECKS:-3}
ms() { echo $(($(date +%s%N) / 1000000)); }
probe_id=${cids[1]} # "API service 1"
probe_name="API service 1"
entry() { curl -fsS "$1/api/v2/summary.json" | jq -ce --arg n "$probe_name" '.components[] | select(.name == $n)'; }
sleep 1 # node 2 has just built its page; let both settle
echo "== cluster check: $checks changes of component \"$probe_name\" through node 1, polling both nodes' summaries"
delays=() worst=0
for _ in $(seq 1 "$checks"); do
	before2=$(entry "$node2") || { echo "node 2's /api/v2/summary.json has no component \"$probe_name\"" >&2; exit 1; }
	before1=$(entry "$node1")
	[ "$before1" = "$before2" ] || { echo "the nodes disagree before the change: $before1 vs $before2" >&2; exit 1; }
	current=$(curl -fsS -H "X-Cachet-Token: $token" "$node1/api/v1/components/$probe_id" | jq -er '.data.status')
	new_status=$((current % 4 + 1)) # 1 -> 2 -> 3 -> 4 -> 1
	t0=$(ms)
	code=$(curl -sS -o "$tmp/put.json" -w '%{http_code}' -X PUT -H "X-Cachet-Token: $token" \
		-H 'Content-Type: application/json' --data "{\"status\":$new_status}" "$node1/api/v1/components/$probe_id")
	t_answer=$(ms)
	[[ $code == 2?? ]] || { echo "PUT /api/v1/components/$probe_id answered $code: $(cat "$tmp/put.json")" >&2; exit 1; }
	d1='' d2='' after2=''
	while { [ -z "$d1" ] || [ -z "$d2" ]; } && [ $(($(ms) - t0)) -lt 10000 ]; do
		if [ -z "$d2" ]; then
			after2=$(entry "$node2") || after2=$before2
			[ "$after2" = "$before2" ] || d2=$(($(ms) - t0))
		fi
		if [ -z "$d1" ]; then
			after1=$(entry "$node1") || after1=$before1
			[ "$after1" = "$before1" ] || d1=$(($(ms) - t0))
		fi
		sleep 0.01
	done
	[ -n "$d2" ] || { echo "node 2 did not show the change within 10 s" >&2; exit 1; }
	[ -n "$d1" ] || { echo "node 1 did not show its own change within 10 s" >&2; exit 1; }
	[ "$(entry "$node1")" = "$after2" ] || { echo "node 1 shows $(entry "$node1"), node 2 $after2" >&2; exit 1; }
	echo "   status $current -> $new_status ($(jq -r .status <<<"$after2")): PUT answered in $((t_answer - t0)) ms; on node 1's summary after $d1 ms, on node 2's after $d2 ms"
	delays+=("$d2")
	[ "$d2" -le "$worst" ] || worst=$d2
	sleep 1
done
if [ "$worst" -le "$max_propagation_ms" ]; then
	propagation="PASS (node 2 within ${delays[*]} ms of the PUT; limit $max_propagation_ms ms)"
else
	propagation="MISS (node 2 after ${delays[*]} ms of the PUT; limit $max_propagation_ms ms)"
fi
echo "cluster check: $propagation"

# -- both nodes must serve the same bytes, or (a) and (b) measure different pages ----------------------
# same FILE FILE: the same bytes; for JSON, the same but for page.updated_at, which is when that node
# built its snapshot (it differs by milliseconds between nodes).
same() {
	cmp -s "$1" "$2" && return 0
	jq -e . "$1" >/dev/null 2>&1 || return 1
	cmp -s <(jq -Sc 'del(.page.updated_at)' "$1") <(jq -Sc 'del(.page.updated_at)' "$2")
}
# Each node rebuilds on its own schedule (a change, the 30 s refresh): a difference gets 10 s to pass.
for n in "${!paths[@]}"; do
	for i in $(seq 1 20); do
		curl -fsS -o "$tmp/node1.$n" "$node1${paths[n]}"
		curl -fsS -o "$tmp/node2.$n" "$node2${paths[n]}"
		same "$tmp/node1.$n" "$tmp/node2.$n" && break
		if [ "$i" = 20 ]; then
			echo "${paths[n]}: node 1 and node 2 serve different bytes for 10 s; first difference:" >&2
			diff <(fold -w 100 "$tmp/node1.$n") <(fold -w 100 "$tmp/node2.$n") | head -n 8 >&2 || true
			exit 1
		fi
		sleep 0.5
	done
	echo "${paths[n]}: $(wc -c <"$tmp/node1.$n") bytes, the same on both nodes (JSON: but for page.updated_at)$([ "$i" = 1 ] || echo " (after $(((i - 1) * 5 / 10)) s)")"
done

# -- nginx: (a) on $one_port to node 1 only, (b) on $two_port to both; keep-alive to the nodes ------
mkdir -p "$tmp/nginx"
{
	[ "$(id -u)" = 0 ] && echo "user root;" # the workers write the logs in the private temp dir
	cat <<-CONF
		worker_processes auto;
		daemon off;
		pid $tmp/nginx/nginx.pid;
		error_log $tmp/nginx/error.log warn;
		events { worker_connections 4096; }
		http {
		    client_body_temp_path $tmp/nginx/body;
		    proxy_temp_path $tmp/nginx/proxy;
		    fastcgi_temp_path $tmp/nginx/fastcgi;
		    uwsgi_temp_path $tmp/nginx/uwsgi;
		    scgi_temp_path $tmp/nginx/scgi;
		    log_format upstream '\$upstream_addr \$upstream_status';
		    upstream one { server 127.0.0.1:$node1_port; keepalive 64; }
		    upstream two { server 127.0.0.1:$node1_port; server 127.0.0.1:$node2_port; keepalive 64; }
		    proxy_http_version 1.1;
		    proxy_set_header Connection "";
		    proxy_set_header Host \$host;
		    # The page (86 KB) fits in memory: no spill to a temp file.
		    proxy_buffer_size 16k;
		    proxy_buffers 16 16k;
		    proxy_busy_buffers_size 64k;
		    server {
		        listen 127.0.0.1:$one_port;
		        access_log $tmp/nginx/one.log upstream buffer=64k;
		        location / { proxy_pass http://one; }
		    }
		    server {
		        listen 127.0.0.1:$two_port;
		        access_log $tmp/nginx/two.log upstream buffer=64k;
		        location / { proxy_pass http://two; }
		    }
		}
	CONF
} >"$tmp/nginx/nginx.conf"
# nginx listens on both ports once it answers on one
bench_start_nginx "$tmp/nginx" "http://127.0.0.1:$one_port/api/v1/ping"
for n in "${!paths[@]}"; do
	for port in "$one_port" "$two_port" "$two_port"; do # twice on (b): round robin reaches both nodes
		curl -fsS -o "$tmp/lb.$n" "http://127.0.0.1:$port${paths[n]}"
		same "$tmp/lb.$n" "$tmp/node1.$n" || { echo "${paths[n]}: nginx on $port serves other bytes than the nodes" >&2; exit 1; }
	done
done
echo "nginx: (a) 127.0.0.1:$one_port -> node 1, (b) 127.0.0.1:$two_port -> nodes 1 and 2; same bytes as the nodes"

# -- wrk ---------------------------------------------------------------------------------------------
# run URL SECONDS: prints "req/s p99_ms socket_errors" from wrk's summary. Non-2xx answers abort.
# Socket errors (mostly wrk's 2 s timeouts on a loaded machine) are counted; wrk leaves timed-out
# requests out of its latencies.
run() {
	local out
	out=$(wrk -t2 -c64 -d"$2"s --latency "$1")
	if grep -q 'Non-2xx' <<<"$out"; then
		printf 'wrk on %s got answers other than 2xx:\n%s\n' "$1" "$out" >&2
		return 1
	fi
	awk '
		/^Requests\/sec:/ { rps = $2 }
		$1 == "99%" { v = $2 + 0; u = $2; sub(/^[0-9.]+/, "", u)
		              p99 = (u == "us") ? v / 1000 : (u == "s") ? v * 1000 : (u == "m") ? v * 60000 : v }
		/Socket errors:/ { errors = $4 + $6 + $8 + $10 }
		END { if (rps == "" || p99 == "") exit 1; printf "%.0f %.2f %d\n", rps, p99, errors + 0 }' <<<"$out"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# The log lines nginx wrote so far for (b), by upstream: "addr count" lines. Reopened (USR1) first,
# which flushes the buffered log.
spread() {
	kill -USR1 "$nginx_pid"
	sleep 0.5
	awk '{ n[$1]++ } END { for (a in n) print a, n[a] }' "$tmp/nginx/two.log" | sort
}

load=$(cut -d ' ' -f 1-3 /proc/loadavg) # the machine is shared: say how busy it was
echo "== wrk -t2 -c64 -d${duration}s --latency, $rounds rounds of (a) one node then (b) two nodes"
echo "   (warm-up: ${warmup}s on each node through nginx, discarded)"
results=()
for n in "${!paths[@]}"; do
	p=${paths[n]}
	run "http://127.0.0.1:$two_port$p" "$warmup" >/dev/null # round robin: warms both nodes and nginx
	run "http://127.0.0.1:$one_port$p" "$warmup" >/dev/null
	: >"$tmp/nginx/two.log" # count (b)'s measured runs only
	kill -USR1 "$nginx_pid"
	ratios=() one_rpss=() two_rpss=() one_p99s=() two_p99s=() one_errors=0 two_errors=0
	for _ in $(seq 1 "$rounds"); do
		read -r one_rps one_p99 o_err <<<"$(run "http://127.0.0.1:$one_port$p" "$duration")"
		read -r two_rps two_p99 t_err <<<"$(run "http://127.0.0.1:$two_port$p" "$duration")"
		echo "   $p: one node $one_rps req/s p99 $one_p99 ms | two nodes $two_rps req/s p99 $two_p99 ms"
		ratios+=("$(awk -v a="$two_rps" -v b="$one_rps" 'BEGIN { printf "%.4f", (b > 0) ? a / b : 0 }')")
		one_rpss+=("$one_rps") two_rpss+=("$two_rps") one_p99s+=("$one_p99") two_p99s+=("$two_p99")
		one_errors=$((one_errors + o_err)) two_errors=$((two_errors + t_err))
	done
	# How (b)'s requests were spread: both nodes must have answered, about half each.
	spread >"$tmp/spread.$n"
	n1=$(awk -v a="127.0.0.1:$node1_port" '$1 == a { print $2 }' "$tmp/spread.$n")
	n2=$(awk -v a="127.0.0.1:$node2_port" '$1 == a { print $2 }' "$tmp/spread.$n")
	other=$(awk -v a="127.0.0.1:$node1_port" -v b="127.0.0.1:$node2_port" '$1 != a && $1 != b { s += $2 } END { print s + 0 }' "$tmp/spread.$n")
	echo "   $p (b): node 1 answered ${n1:-0}, node 2 ${n2:-0} requests$([ "$other" = 0 ] || echo ", no or another upstream: $other")"
	if [ "${n1:-0}" = 0 ] || [ "${n2:-0}" = 0 ]; then echo "in (b) not both nodes answered" >&2; exit 1; fi
	results+=("$p $(printf '%s\n' "${one_rpss[@]}" | median) $(printf '%s\n' "${two_rpss[@]}" | median) \
$(printf '%s\n' "${one_p99s[@]}" | median) $(printf '%s\n' "${two_p99s[@]}" | median) \
$(printf '%s\n' "${ratios[@]}" | median) $one_errors $two_errors ${n1:-0} ${n2:-0} $(wc -c <"$tmp/node1.$n")")
done

echo
echo "one node vs two nodes in cluster mode, both behind nginx (keep-alive upstreams)"
echo "($(nproc) cores shared by nginx, wrk and both JVMs; load average before the runs: $load)"
echo "On this machine two nodes cannot be expected to double the throughput: they share the cores"
echo "with each other, nginx and wrk. The ratio shows what the second node costs or gains here."
printf '%s\n' "${results[@]}" | awk '
	{ line[NR] = $0; if (length($1) > w) w = length($1) }
	END {
		if (w < 4) w = 4
		printf "%-" w "s %8s %11s %11s %9s %10s %10s %13s %17s\n", "path", "bytes", "1 node r/s", "2 nodes r/s", "two/one", "1 p99", "2 p99", "errors 1/2", "(b) node1/node2"
		for (i = 1; i <= NR; i++) {
			split(line[i], f, " ") # path one_rps two_rps one_p99 two_p99 ratio one_err two_err n1 n2 bytes
			printf "%-" w "s %8d %11d %11d %8.2fx %7.2f ms %7.2f ms %13s %17s\n", f[1], f[11], f[2], f[3], f[6], f[4], f[5],
			       f[7] "/" f[8], f[9] "/" f[10]
		}
	}'
echo "(medians of $rounds rounds of ${duration}s; two/one is the median of the rounds' ratios)"
echo "cluster check (node 1 change on node 2's /api/v2/summary.json): $propagation"
