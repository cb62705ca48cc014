#!/usr/bin/env python3
"""Where the page rebuild's time goes, from a JFR recording of bench/freshness.sh (PROFILE=1).

    freshness-profile.py RECORDING.jfr [THREAD_PREFIX]     (default: status-page-refresh)

Reads the rebuild thread's samples (`jfr print`, text: its JSON is ten times slower):
jdk.ExecutionSample every 10 ms while it runs Java, jdk.NativeMethodSample every 20 ms while it
is in native code (waiting for PostgreSQL's answer on a socket). Each sample weighs its period,
so a sum is an estimate of wall time. The recording keeps 64 frames, too few to reach
StatusPageRefresher.rebuild from deep inside Thymeleaf or JDBC, so a sample is put under the
first rule below that one of its frames matches (the most specific first); "of which in the
driver" is the part with org.postgresql frames on the stack.
"""
import collections
import re
import subprocess
import sys

PERIOD_MS = {"jdk.ExecutionSample": 10, "jdk.NativeMethodSample": 20}
RULES = [
    ("gzip + SHA-256 ETag of each rendered resource (RenderedResource.of)", ("RenderedResource.",)),
    ("Thymeleaf render (StatusPageRenderer: /, incident pages)", ("StatusPageRenderer.",)),
    ("summary.json (StatuspageJson / StatuspageV2, Jackson)", ("StatuspageJson", "StatuspageV2")),
    ("metric charts: MetricService.chart, every point read row by row", ("MetricService.chart",)),
    ("uptime bars: ComponentUptimeService / UptimeRollup", ("ComponentUptimeService.", "UptimeRollup.")),
    ("timeline (IncidentTimelines: 7 days + COUNT of older)", ("IncidentTimelines.",)),
    ("unresolved incidents (IncidentRepository.findUnresolved)", ("IncidentRepository.findUnresolved",)),
    ("recent + stickied incidents (IncidentRepository.page, COUNT)", ("IncidentRepository.page",)),
    ("other incident reads", ("io.cachet.incident.",)),
    ("components and groups (ComponentService)", ("ComponentService.",)),
    ("schedules (ScheduleService)", ("ScheduleService.",)),
    ("settings (SettingsService, PageSettings)", ("SettingsService.", "PageSettings.")),
    ("StatusPageReader, other", ("StatusPageReader.",)),
    ("StatusPageCache / PublicResources, other", ("StatusPageCache.", "PublicResources.")),
    ("StatusPageRefresher, other (ping, stale check)", ("StatusPageRefresher.",)),
]


def samples(path, prefix):
    text = subprocess.run(["jfr", "print", "--stack-depth", "64", "--events",
                           "jdk.ExecutionSample,jdk.NativeMethodSample", path],
                          check=True, capture_output=True, text=True).stdout
    for block in re.split(r"\n(?=jdk\.(?:ExecutionSample|NativeMethodSample) \{)", text):
        kind = block.split(" ", 1)[0].strip()
        if kind not in PERIOD_MS:
            continue
        m = re.search(r'sampledThread = "([^"]*)"', block)
        if not m or not m.group(1).startswith(prefix):
            continue
        frames = re.findall(r"^\s{4}(\S[^(]*)\(", block, re.M)
        yield kind, frames


def main():
    path = sys.argv[1]
    prefix = sys.argv[2] if len(sys.argv) > 2 else "status-page-refresh"
    ms = collections.Counter()
    db_ms = collections.Counter()
    leaf = collections.defaultdict(collections.Counter)
    for kind, frames in samples(path, prefix):
        weight = PERIOD_MS[kind]
        name = "(unmatched: class loading, JIT-less start, framework)"
        for label, needles in RULES:
            if any(n in f for f in frames for n in needles):
                name = label
                break
        ms[name] += weight
        if any(f.startswith("org.postgresql.") for f in frames):
            db_ms[name] += weight
        top = next((f for f in frames if f.startswith("io.cachet.")), None)
        if top:
            leaf[name][top.rsplit(".", 2)[-2] + "." + top.rsplit(".", 1)[-1]] += weight
    total = sum(ms.values())
    print(f"thread {prefix}*: {total / 1000:.1f} s sampled (each sample weighs its period)")
    for name, v in ms.most_common():
        print(f"  {v / 1000:7.2f} s {100 * v / max(total, 1):5.1f} %  {name}; of which in the driver "
              f"{db_ms[name] / 1000:.2f} s")
        print("            innermost io.cachet frames: "
              + ", ".join(f"{k} {c / 1000:.2f} s" for k, c in leaf[name].most_common(4)))


if __name__ == "__main__":
    main()
