#!/usr/bin/env bash
# Measures how quickly the app answers after it is started, and how much memory it holds at rest,
# with the launch settings the project ships:
#
#   bench/startup.sh
#
# - Java 17: `java $FLAGS17 -jar $JAR`, FLAGS17 read from the README's `java ... -jar` line.
# - Java 25: the way the Dockerfile builds and runs the image: the jar extracted with
#   `-Djarmode=tools extract`, an AOT cache recorded by a training run (`-XX:AOTCacheOutput`,
#   `-Dspring.context.exit=onRefresh`, on a throw-away H2 data dir), then
#   `java -XX:AOTCache=... -jar cachet.jar`, with the Dockerfile's JAVA_TOOL_OPTIONS (FLAGS25).
# Each start is on a fresh, empty H2 data dir (so Flyway applies every migration) with the
# CACHET_ADMIN_* variables of the README's line set. The clock starts just before `java` is run
# and stops at the first 200 from PROBE_PATH (curl every 10 ms). The median of RUNS starts is
# reported per JVM; after the last start of each JVM the app is left idle for IDLE seconds and its
# VmRSS read from /proc/PID/status. Prints a table and writes bench/results/startup.json (not
# committed). It exits 0 whatever the figures; non-zero only when something broke.
#
# Environment (all optional):
#   JAR=target/cachet.jar        the app; built with ./mvnw if it is missing
#   JAVA17=java  JAVA25=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
#   FLAGS17, FLAGS25             override the flags read from README.md and the Dockerfile
#                                (e.g. to measure an older jar with the flags it shipped with)
#   RUNS=5 IDLE=60 PORT=18110 PROBE_PATH=/
#   TIMEOUT=600                  seconds a start may take before the script gives up
#   ONLY=17 or ONLY=25           measure one JVM only
#   OUT=bench/results/startup.json
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

jar=${JAR:-target/cachet.jar}
java17=${JAVA17:-java}
java25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
runs=${RUNS:-5}
idle=${IDLE:-60}
port=${PORT:-18110}
timeout=${TIMEOUT:-600}
probe_path=${PROBE_PATH:-/}
only=${ONLY:-}
out=${OUT:-bench/results/startup.json}
# The flags as shipped: between `java` and `-jar` on the README's run line, and the image's
# JAVA_TOOL_OPTIONS (the training run and every start of the image use them).
readme_flags=$(sed -n 's/^ *java \(.*\) *-jar target\/cachet\.jar.*/\1/p' README.md | head -n 1)
docker_flags=$(sed -n 's/^ENV JAVA_TOOL_OPTIONS="\([^"]*\)".*/\1/p' Dockerfile | head -n 1)
flags17=${FLAGS17-$readme_flags}
flags25=${FLAGS25-$docker_flags}
admin_env=(CACHET_ADMIN_USERNAME=admin CACHET_ADMIN_EMAIL=admin@example.com
	"CACHET_ADMIN_PASSWORD=a long bench password")

bench_install_missing curl:curl jq:jq
bench_init
bench_jar_or_build
load_before=$(cut -d ' ' -f 1-3 /proc/loadavg)

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# start_once LABEL N CMD...: starts CMD in the background on a fresh data dir; sets $elapsed to the
# ms until the first 200 from $probe_path, $app_pid and $app_log (not in a subshell, so that
# bench_cleanup knows the pid).
start_once() {
	local label=$1 n=$2 data=$tmp/data-$1-$2 t0 code
	shift 2
	app_log=$tmp/app-$label-$n.log
	t0=$(now_ms)
	env "${admin_env[@]}" CACHET_DATA_DIR="$data" SERVER_PORT="$port" "$@" >"$app_log" 2>&1 &
	app_pid=$!
	bench_started "$app_pid"
	until code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port$probe_path" 2>/dev/null) &&
		[ "$code" = 200 ]; do
		if ! kill -0 "$app_pid" 2>/dev/null; then
			echo "the app ($label, start $n) died; end of its log:" >&2
			tail -n 30 "$app_log" >&2
			exit 1
		fi
		if [ $(($(now_ms) - t0)) -gt $((timeout * 1000)) ]; then
			echo "the app ($label, start $n) did not answer in $timeout s" >&2
			stop_app
			exit 1
		fi
		sleep 0.01
	done
	elapsed=$(($(now_ms) - t0))
	# CPU time the JVM used until then (utime + stime, in clock ticks): on a shared machine the
	# wall time depends on the others' load, the CPU time much less.
	cpu_ms=$(awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); print int(($12 + $13) * 1000 / hz) }' "/proc/$app_pid/stat")
}

# stop_app: SIGTERM, and SIGKILL after 30 s: a JVM stopped in the middle of its start waits for the
# refresh to end before it shuts down, which on a loaded machine can take minutes.
stop_app() {
	local i
	kill "$app_pid" 2>/dev/null || true
	for i in $(seq 1 300); do
		kill -0 "$app_pid" 2>/dev/null || break
		sleep 0.1
	done
	kill -9 "$app_pid" 2>/dev/null || true
	wait "$app_pid" 2>/dev/null || true
}

# measure LABEL CMD...: RUNS starts; fills times_<label> (ms, in order), rss_<label> (kB after IDLE s).
measure() {
	local label=$1 n times=() cpus=()
	shift
	for n in $(seq 1 "$runs"); do
		start_once "$label" "$n" "$@"
		times+=("$elapsed")
		cpus+=("$cpu_ms")
		echo "   $label start $n: $elapsed ms, CPU $cpu_ms ms (Spring: $(grep -o 'Started CachetApplication in [0-9.]* seconds' "$app_log" | grep -o '[0-9.]* seconds' || echo '?'))"
		if [ "$n" = "$runs" ]; then
			sleep "$idle"
			rss=$(awk '/^VmRSS/ { print $2 }' "/proc/$app_pid/status")
			echo "   $label idle RSS after $idle s: $((rss / 1024)) MB"
			printf -v "rss_$label" '%s' "$rss"
		fi
		stop_app
	done
	printf -v "times_$label" '%s' "${times[*]}"
	printf -v "cpus_$label" '%s' "${cpus[*]}"
}

median() { tr ' ' '\n' <<<"$1" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }

labels=()
if [ "$only" != 25 ]; then
	echo "== Java 17: $java17 $flags17 -jar $jar"
	# shellcheck disable=SC2086 # the flags are words
	measure java17 "$java17" $flags17 -jar "$jar"
	labels+=(java17)
fi
if [ "$only" != 17 ]; then
	echo "== Java 25: extracting $jar and recording the AOT cache, as the Dockerfile does"
	app25=$tmp/app25
	"$java25" -Djarmode=tools -jar "$jar" extract --destination "$app25" >/dev/null
	t0=$(now_ms)
	env CACHET_DATA_DIR="$tmp/aot-training" JAVA_TOOL_OPTIONS="$flags25" \
		"$java25" -XX:AOTCacheOutput="$app25/cachet.aot" -Dspring.context.exit=onRefresh -jar "$app25/cachet.jar" \
		>"$tmp/training.log" 2>&1 || { echo "the training run failed:" >&2; tail -n 30 "$tmp/training.log" >&2; exit 1; }
	training_ms=$(($(now_ms) - t0))
	echo "   training run and cache: $training_ms ms, cache $(($(stat -c %s "$app25/cachet.aot") / 1048576)) MB"
	echo "== Java 25: JAVA_TOOL_OPTIONS=\"$flags25\" $java25 -XX:AOTCache=cachet.aot -jar cachet.jar"
	measure java25aot env JAVA_TOOL_OPTIONS="$flags25" "$java25" -XX:AOTCache="$app25/cachet.aot" -jar "$app25/cachet.jar"
	labels+=(java25aot)
	if grep -q -i 'AOT cache.*\(disabled\|mismatch\|not\)\|Unable to use AOT cache' "$tmp"/app-java25aot-*.log; then
		echo "   WARNING: the JVM did not use the AOT cache:" >&2
		grep -h -i 'AOT' "$tmp"/app-java25aot-1.log | head -n 5 >&2
	fi
fi
load_after=$(cut -d ' ' -f 1-3 /proc/loadavg)

echo
printf '%-10s %10s %30s %14s %14s\n' jvm 'median ms' 'starts (ms)' 'median CPU ms' 'idle RSS MB'
json_rows=()
for label in "${labels[@]}"; do
	times_var=times_$label cpus_var=cpus_$label rss_var=rss_$label
	med=$(median "${!times_var}")
	med_cpu=$(median "${!cpus_var}")
	printf '%-10s %10s %30s %14s %14s\n' "$label" "$med" "${!times_var// /,}" "$med_cpu" "$((${!rss_var} / 1024))"
	json_rows+=("$(jq -n --arg jvm "$label" --argjson median "$med" --arg times "${!times_var}" --argjson cpu "$med_cpu" \
		--arg cpus "${!cpus_var}" --argjson rss "${!rss_var}" \
		'{jvm: $jvm, median_ms: $median, starts_ms: ($times | split(" ") | map(tonumber)), median_cpu_ms: $cpu,
		  cpu_ms: ($cpus | split(" ") | map(tonumber)), idle_rss_kb: $rss}')")
done
echo "load average before: $load_before, after: $load_after"

mkdir -p "$(dirname "$out")"
printf '%s\n' "${json_rows[@]}" | jq -s --arg date "$(date -u +%FT%TZ)" --arg jar "$jar" --arg flags17 "$flags17" \
	--arg flags25 "$flags25" --arg probe "$probe_path" --arg lb "$load_before" --arg la "$load_after" \
	--argjson idle "$idle" --argjson training "${training_ms:-null}" \
	'{date: $date, jar: $jar, probe_path: $probe, flags17: $flags17, flags25: $flags25, idle_seconds: $idle,
	  aot_training_ms: $training, load_before: $lb, load_after: $la, results: .}' >"$out"
echo "written: $out"
