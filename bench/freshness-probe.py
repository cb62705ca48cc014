#!/usr/bin/env python3
"""Makes changes to a running Cachet and times how long each takes to become visible.

Used by bench/freshness.sh, which seeds the data and starts the app:

    freshness-probe.py APP_URL TOKEN USERNAME PASSWORD TARGETS.json CHANGES WARMUP > result.json

TARGETS.json (from the seeded database): {"components": [{"id", "name", "status", ...}],
"incidents": [{"id", "status"}]}, the components spread over the groups, the incidents open
ones shown on the page.

The changes rotate through three kinds: a component's status through PUT /api/v1/components/{id},
the same through the dashboard's form (logged in once with the session cookie and the CSRF
token, as a browser does), and an update posted to an open incident. For each, one thread per
resource polls the page the change must show on (every POLL_MS with a keep-alive connection,
If-None-Match so that an unchanged page costs a 304) until it shows it, or TIMEOUT_S after the
write's answer (a failure). Times are measured from just before the write and from its answer.
The first WARMUP changes are made and waited for but left out of the figures.
"""
import http.client
import json
import math
import os
import re
import sys
import threading
import time
import urllib.parse

POLL_MS = 10
# FRESHNESS_TIMEOUT_S: longer than 10 s shows how late a change comes; over 10 s it still fails
TIMEOUT_S = float(os.environ.get("FRESHNESS_TIMEOUT_S", "10"))
FAIL_AFTER_MS = 10_000

# Cachet's status codes as /api/v2/summary.json names them (StatuspageV2.ComponentState)
V2_STATE = {0: "operational", 1: "operational", 2: "degraded_performance", 3: "partial_outage", 4: "major_outage"}


class Client:
    """One keep-alive HTTP connection, reopened when the server closes it."""

    def __init__(self, host, port):
        self.host, self.port = host, port
        self.conn = None

    def request(self, method, path, body=None, headers=None):
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
            try:
                self.conn.request(method, path, body=body, headers=headers or {})
                resp = self.conn.getresponse()
                data = resp.read()
                if resp.getheader("Connection", "").lower() == "close":
                    self.conn.close()
                    self.conn = None
                return resp, data
            except (http.client.HTTPException, OSError):
                self.conn.close()
                self.conn = None
                if attempt == 2:
                    raise


class Poller:
    """Polls one path until a predicate holds on its body; keeps the ETag between changes."""

    def __init__(self, host, port, path):
        self.client = Client(host, port)
        self.path = path
        self.etag = None
        self.body = b""
        self.polls = 0
        self.bytes = 0
        self.errors = 0

    def fetch(self):
        headers = {"If-None-Match": self.etag} if self.etag else {}
        try:
            resp, data = self.client.request("GET", self.path, headers=headers)
        except (http.client.HTTPException, OSError):
            self.errors += 1
            return False
        self.polls += 1
        if resp.status == 200:
            self.body = data
            self.bytes = len(data)
            self.etag = resp.getheader("ETag")
            return True
        if resp.status != 304:
            self.errors += 1
        return False

    def wait_until(self, visible, deadline, out, key):
        """Polls until visible(body); stores the moment (time.monotonic) in out[key], or None."""
        if visible(self.body):
            out[key] = time.monotonic()
            return
        while True:
            now = time.monotonic()
            if now > deadline:
                out[key] = None
                return
            if self.fetch() and visible(self.body):
                out[key] = time.monotonic()
                return
            time.sleep(POLL_MS / 1000)


def summary_status(body, component_id):
    """The component's status in /api/v2/summary.json, or None."""
    try:
        doc = json.loads(body)
    except ValueError:
        return None
    for c in doc.get("components", []):
        if c.get("id") == str(component_id) and not c.get("group", False):
            return c.get("status")
    return None


def percentiles(values, fail_after_ms=FAIL_AFTER_MS):
    """Median, p95 (nearest rank) and max; a change not visible within FAIL_AFTER_MS counts as
    infinitely late, so a percentile that lands on one is None (shown as "timeout")."""
    v = sorted(math.inf if x is None or x > fail_after_ms else x for x in values)
    if not v:
        return None
    n = len(v)
    median = v[(n - 1) // 2] if n % 2 else (v[n // 2 - 1] + v[n // 2]) / 2
    p95 = v[min(n, math.ceil(n * 0.95)) - 1]
    as_ms = lambda x: None if math.isinf(x) else round(x, 1)
    return {"n": n, "failed": sum(1 for x in v if math.isinf(x)), "median_ms": as_ms(median), "p95_ms": as_ms(p95),
            "max_ms": as_ms(v[-1])}


def summarise(results):
    """Per resource and for the slowest resource of each change, from the answer and from the write."""
    out = {}
    names = ["summary", "page", "incident_page"]
    for name in names + ["all"]:
        entry = {}
        for base in ("from_answer_ms", "from_write_ms"):
            values = []
            for r in results:
                if name == "all":
                    seen = list(r["visible"].values())
                    values.append(None if any(x is None for x in seen) else max(x[base] for x in seen))
                elif name in r["visible"]:
                    x = r["visible"][name]
                    values.append(None if x is None else x[base])
            entry[base[:-3]] = percentiles(values)
            if TIMEOUT_S * 1000 > FAIL_AFTER_MS:
                # how late they come, the late ones included (not seen within TIMEOUT_S: None)
                entry[base[:-3] + "_uncapped"] = percentiles(values, math.inf)
        if entry["from_answer"] is not None:
            out[name] = entry
    return out


def fmt(stats):
    show = lambda x: "timeout" if x is None else f"{x:.0f} ms"
    return (f"median {show(stats['median_ms'])}, p95 {show(stats['p95_ms'])}, max {show(stats['max_ms'])}"
            f" ({stats['failed']} of {stats['n']} not within {FAIL_AFTER_MS // 1000} s)")


def main():
    app, token, username, password, targets_file, changes, warmup = sys.argv[1:8]
    changes, warmup = int(changes), int(warmup)
    url = urllib.parse.urlsplit(app)
    host, port = url.hostname, url.port
    targets = json.load(open(targets_file))
    components = targets["components"]
    incidents = targets["incidents"]
    api = Client(host, port)
    auth = {"X-Cachet-Token": token, "Content-Type": "application/json", "Accept": "application/json"}

    # -- the dashboard: a session as a browser has it (cookie, CSRF token from the forms) ---------
    dash = Client(host, port)
    cookies = {}

    def cookie_header():
        return "; ".join(f"{k}={v}" for k, v in cookies.items())

    def keep_cookies(resp):
        for name, value in resp.getheaders():
            if name.lower() == "set-cookie":
                k, _, v = value.split(";", 1)[0].partition("=")
                cookies[k.strip()] = v.strip()

    def csrf_of(html):
        m = re.search(rb'name="_csrf" value="([^"]+)"', html) or re.search(rb'value="([^"]+)" name="_csrf"', html)
        if not m:
            raise SystemExit("no CSRF token in the dashboard's form")
        return m.group(1).decode()

    resp, html = dash.request("GET", "/auth/login")
    keep_cookies(resp)
    form = urllib.parse.urlencode({"username": username, "password": password, "_csrf": csrf_of(html)})
    resp, _ = dash.request("POST", "/auth/login", body=form, headers={
        "Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie_header()})
    keep_cookies(resp)
    if resp.status != 302 or "error" in (resp.getheader("Location") or ""):
        raise SystemExit(f"dashboard login failed: {resp.status} {resp.getheader('Location')}")

    pollers = {
        "summary": Poller(host, port, "/api/v2/summary.json"),
        "page": Poller(host, port, "/"),
    }
    incident_pollers = {}
    for p in pollers.values():
        p.fetch()

    kinds = ["api", "dashboard", "incident_update"]
    results = []
    next_status = {c["id"]: c["status"] for c in components}
    for i in range(warmup + changes):
        kind = kinds[i % 3]
        checks = {}
        if kind in ("api", "dashboard"):
            c = components[(i // 3 * 2 + (1 if kind == "dashboard" else 0)) % len(components)]
            cid = c["id"]
            # a status it does not have: 1 -> 2 -> 3 -> 4 -> 1 ...
            status = next_status[cid] % 4 + 1
            next_status[cid] = status
            marker = f'data-component="{cid}" data-status="{status}"'.encode()
            checks["summary"] = (pollers["summary"], lambda b, cid=cid, s=V2_STATE[status]: summary_status(b, cid) == s)
            checks["page"] = (pollers["page"], lambda b, m=marker: m in b)
            if kind == "api":
                body = json.dumps({"status": status})
                t0 = time.monotonic()
                resp, data = api.request("PUT", f"/api/v1/components/{cid}", body=body, headers=auth)
                t1 = time.monotonic()
                ok = resp.status == 200
            else:
                resp, html = dash.request("GET", f"/dashboard/components/{cid}/edit", headers={"Cookie": cookie_header()})
                keep_cookies(resp)
                if resp.status != 200:
                    raise SystemExit(f"dashboard edit form of {cid}: {resp.status}")
                fields = {"name": c["name"], "description": c["description"] or "", "link": c["link"] or "",
                          "status": str(status), "groupId": str(c["group_id"]), "enabled": "true",
                          "order": str(c["position"]), "tags": "", "_csrf": csrf_of(html)}
                form = urllib.parse.urlencode(fields)
                t0 = time.monotonic()
                resp, data = dash.request("POST", f"/dashboard/components/{cid}", body=form, headers={
                    "Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie_header()})
                t1 = time.monotonic()
                keep_cookies(resp)
                ok = resp.status == 302 and (resp.getheader("Location") or "").endswith("/dashboard/components")
            target = {"component": cid, "status": status}
        else:
            inc = incidents[(i // 3) % len(incidents)]
            iid = inc["id"]
            status = (i // 3) % 3 + 1  # investigating, identified, watching: it stays open
            nonce = f"fp{i}x{int(time.time() * 1000) % 10**8}"
            message = f"Freshness probe {nonce}: still looking into it."
            mark = nonce.encode()
            if iid not in incident_pollers:
                incident_pollers[iid] = Poller(host, port, f"/incidents/{iid}")
                incident_pollers[iid].fetch()
            checks["summary"] = (pollers["summary"], lambda b, m=mark: m in b)
            checks["page"] = (pollers["page"], lambda b, m=mark: m in b)
            checks["incident_page"] = (incident_pollers[iid], lambda b, m=mark: m in b)
            body = json.dumps({"status": status, "message": message})
            t0 = time.monotonic()
            resp, data = api.request("POST", f"/api/v1/incidents/{iid}/updates", body=body, headers=auth)
            t1 = time.monotonic()
            ok = resp.status == 200
            target = {"incident": iid, "status": status}
        if not ok:
            raise SystemExit(f"change {i} ({kind}) answered {resp.status}: {data[:300]!r}")
        seen = {}
        deadline = t1 + TIMEOUT_S
        threads = [threading.Thread(target=p.wait_until, args=(pred, deadline, seen, name))
                   for name, (p, pred) in checks.items()]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        result = {"n": i - warmup, "kind": kind, **target, "write_ms": round((t1 - t0) * 1000, 1), "visible": {}}
        for name in checks:
            at = seen.get(name)
            result["visible"][name] = None if at is None else {
                "from_answer_ms": round((at - t1) * 1000, 1), "from_write_ms": round((at - t0) * 1000, 1)}
        line = " ".join(f"{k}={'TIMEOUT' if v is None else str(round(v['from_answer_ms'])) + 'ms'}"
                        for k, v in result["visible"].items())
        print(f"  {'warm-up' if i < warmup else 'change %2d' % (i - warmup + 1)} {kind:15} write {result['write_ms']:6.1f} ms  {line}",
              file=sys.stderr)
        if i >= warmup:
            results.append(result)
        time.sleep(0.3)  # a pause between changes: each is a change of its own, not a burst

    sizes = {name: p.bytes for name, p in pollers.items()}
    sizes["incident_page"] = max((p.bytes for p in incident_pollers.values()), default=0)
    errors = sum(p.errors for p in list(pollers.values()) + list(incident_pollers.values()))
    summary = summarise(results)
    for name, entry in summary.items():
        label = "slowest of each change" if name == "all" else name
        print(f"  {label:22} from the answer: {fmt(entry['from_answer'])}", file=sys.stderr)
        print(f"  {'':22} from before the write: {fmt(entry['from_write'])}", file=sys.stderr)
        if "from_answer_uncapped" in entry:
            u = entry["from_answer_uncapped"]
            show = lambda x: "not seen" if x is None else f"{x:.0f} ms"
            print(f"  {'':22} late ones included (up to {TIMEOUT_S:.0f} s): median {show(u['median_ms'])},"
                  f" p95 {show(u['p95_ms'])}, max {show(u['max_ms'])}", file=sys.stderr)
    json.dump({"visible": summary, "changes": results, "bytes": sizes, "poll_errors": errors,
               "timeout_s": TIMEOUT_S, "fail_after_ms": FAIL_AFTER_MS}, sys.stdout)


if __name__ == "__main__":
    main()
