#!/usr/bin/env python3
"""Turns the raw files of one bench/run.sh run into bench/results/latest.md and latest.json.

usage: report.py WORK_DIR OUT_MD OUT_JSON

WORK_DIR holds cases.tsv (one wrk run per line), ID.json (wrk summary written by lua/common.lua),
startup.json, soak.json, storm.json, proxy_first.json (probe outputs), meta.json and notes.txt.
Rows whose script is a probe (bench_proxy_probe) write ID.json in the same shape as wrk's.
"""
import json
import os
import sys

MIB = 1024

# Target thresholds from issue #7, for a 2-core machine with wrk on the same box.
VALID_RATIO = 0.8
INVALID_RATIO = 0.7
P99_MS = 1.0
PRISM_FACTOR = 10.0
WIREMOCK_FACTOR = 3.0  # issue #15: at least 3x WireMock without its journal, on every row
THROTTLE_COUNT_RATIO = 0.95  # issue #14: --throttling count costs at most 5 % against off
STARTUP_MS = 20.0
RSS_MIB = 32.0
RSS_FLAT_KIB = 1024  # growth between the 10% and 100% marks of the soak
C256_MAX_MS = 1000.0
PROXY_RATIO = 0.9  # issue 21: keep-alive inside a tunnel within 10 % of direct HTTPS
PROXY_FIRST_MS = 50.0  # issue 21: first request to a new host (CONNECT, handshake, new leaf)


def load(work, name):
    path = os.path.join(work, name)
    if not os.path.exists(path):
        return None
    with open(path) as f:
        text = f.read().strip()
    return json.loads(text) if text else None


def ms(us):
    return us / 1000.0


def fmt_ms(value):
    if value is None:
        return "–"
    return f"{value:.2f} ms" if value < 100 else f"{value:.0f} ms"


def fmt_rps(value):
    return "–" if value is None else f"{value:,.0f}"


def mark(met):
    return "met" if met else "**missed**"


def read_cases(work):
    rows = []
    with open(os.path.join(work, "cases.tsv")) as f:
        for line in f:
            if not line.strip():
                continue
            cid, group, label, conns, expected, curl_status, lua = line.rstrip("\n").split("\t")
            wrk = load(work, cid + ".json")
            row = {
                "id": cid,
                "group": group,
                "label": label,
                "connections": int(conns),
                "script": ("bench/" if lua.endswith(".cpp") else "bench/lua/") + lua,
                "expected_status": int(expected),
                "curl_status": int(curl_status) if curl_status.isdigit() else None,
            }
            if wrk:
                errs = wrk["errors"]
                if int(expected) >= 400:  # wrk counts every status >= 400 as an error
                    status_ok = errs["status"] == wrk["requests"]
                else:
                    status_ok = errs["status"] == 0
                status_ok = status_ok and row["curl_status"] == int(expected)
                row.update(
                    {
                        "requests": wrk["requests"],
                        "rps": wrk["rps"],
                        "p50_ms": ms(wrk["p50_us"]),
                        "p90_ms": ms(wrk["p90_us"]),
                        "p99_ms": ms(wrk["p99_us"]),
                        "max_ms": ms(wrk["max_us"]),
                        "transport_errors": errs["connect"] + errs["read"] + errs["write"],
                        "timeouts": errs["timeout"],
                        "status_ok": status_ok,
                    }
                )
            rows.append(row)
    return rows


def by_id(rows, cid):
    return next((r for r in rows if r["id"] == cid and "rps" in r), None)


def add_ratios(rows):
    base16 = by_id(rows, "baseline_valid")
    base256 = by_id(rows, "baseline_c256")
    for r in rows:
        base = base256 if r["connections"] == 256 else base16
        if "rps" in r and base:
            r["ratio_to_baseline"] = r["rps"] / base["rps"]


def targets(rows, startup, soak, storm, meta, proxy_first=None):
    out = []

    def add(name, measured, target, met):
        out.append({"target": name, "measured": measured, "threshold": target, "met": bool(met)})

    lm_valid = by_id(rows, "lm_valid")
    lm_invalid = by_id(rows, "lm_invalid")
    if lm_valid and "ratio_to_baseline" in lm_valid:
        r = lm_valid["ratio_to_baseline"]
        add("valid regenerateAccessKey vs bare baseline", f"{r:.2f}×", f"≥ {VALID_RATIO}×", r >= VALID_RATIO)
    if lm_invalid and "ratio_to_baseline" in lm_invalid:
        r = lm_invalid["ratio_to_baseline"]
        add("invalid body (400) vs bare baseline", f"{r:.2f}×", f"≥ {INVALID_RATIO}×", r >= INVALID_RATIO)
    lm16 = [r for r in rows if r["group"] == "logicmock" and "p99_ms" in r]
    for r in lm16:
        add(f"p99 at -c16: {r['label']}", fmt_ms(r["p99_ms"]), f"≤ {P99_MS:g} ms", r["p99_ms"] <= P99_MS)
    lm_off = by_id(rows, "lm_valid_off")
    if lm_valid and lm_off and lm_valid.get("rps") and lm_off.get("rps"):
        r = lm_valid["rps"] / lm_off["rps"]
        add("--throttling count vs off (valid regenerateAccessKey)", f"{r:.3f}×",
            f"≥ {THROTTLE_COUNT_RATIO:g}×", r >= THROTTLE_COUNT_RATIO)
    for lm, wm, label in (("lm_valid", "wiremock_valid_off", "valid regenerateAccessKey"),
                          ("lm_invalid", "wiremock_invalid_off", "invalid body (400)")):
        a, b = by_id(rows, lm), by_id(rows, wm)
        if a and b:
            f = a["rps"] / b["rps"]
            add(f"{label} vs WireMock without its journal", f"{f:.1f}×", f"≥ {WIREMOCK_FACTOR:g}×",
                f >= WIREMOCK_FACTOR)
    prism = by_id(rows, "prism_valid")
    if lm_valid and prism:
        f = lm_valid["rps"] / prism["rps"]
        add("valid regenerateAccessKey vs Prism", f"{f:.1f}×", f"≥ {PRISM_FACTOR:g}×", f >= PRISM_FACTOR)
    if startup and "median_ms" in startup:
        add("start-up to first 200 (median of 20)", fmt_ms(startup["median_ms"]), f"≤ {STARTUP_MS:g} ms",
            startup["median_ms"] <= STARTUP_MS)
    for key, label in (("rss_after_load_kib", "RSS after the -c16 rows"),
                       ("rss_after_c256_kib", "RSS after the -c256 row")):
        if meta.get(key):
            v = meta[key] / MIB
            add(label, f"{v:.1f} MiB", f"≤ {RSS_MIB:g} MiB", v <= RSS_MIB)
    if soak and len(soak.get("marks", [])) == 2:
        a, b = soak["marks"]
        growth = b["rss_kib"] - a["rss_kib"]
        add(f"RSS flat: {b['requests']:,} vs {a['requests']:,} requests",
            f"{growth:+,} KiB ({a['rss_kib'] / MIB:.1f} → {b['rss_kib'] / MIB:.1f} MiB)",
            f"growth ≤ {RSS_FLAT_KIB:,} KiB, ≤ {RSS_MIB:g} MiB", growth <= RSS_FLAT_KIB and b["rss_kib"] / MIB <= RSS_MIB)
    c256 = by_id(rows, "lm_c256")
    if c256:
        ok = c256["max_ms"] <= C256_MAX_MS and c256["transport_errors"] == 0 and c256["timeouts"] == 0
        add("-c256: every response within 1 s, no errors", f"max {fmt_ms(c256['max_ms'])}, "
            f"{c256['transport_errors']} errors, {c256['timeouts']} timeouts", f"max ≤ {C256_MAX_MS:g} ms", ok)
    if storm:
        ok = storm["answered_200"] == storm["connections"] and storm["fresh_client_status"] == 200
        add("1000 connections at once: all answered, fresh client served",
            f"{storm['answered_200']}/{storm['connections']} in {fmt_ms(storm['all_answered_ms'])}; "
            f"fresh client {storm['fresh_client_status']} in {fmt_ms(storm['fresh_client_ms'])}",
            "all 200", ok)
    proxy, direct = by_id(rows, "lm_valid_proxy"), by_id(rows, "lm_valid_https_probe")
    if proxy and direct:
        r = proxy["rps"] / direct["rps"]
        add("regenerateAccessKey through the proxy vs direct HTTPS (same probe)", f"{r:.2f}×",
            f"≥ {PROXY_RATIO:g}×", r >= PROXY_RATIO)
    if proxy_first and proxy_first.get("total"):
        med = proxy_first["total"]["median_ms"]
        add(f"first request to a new host through the proxy (median of {proxy_first['runs']})",
            fmt_ms(med), f"< {PROXY_FIRST_MS:g} ms", med < PROXY_FIRST_MS and proxy_first["failed"] == 0)
    bad = [r["label"] for r in rows if "status_ok" in r and not r["status_ok"]]
    add("every row answered the expected status", "all" if not bad else "wrong: " + ", ".join(bad),
        "all", not bad)
    return out


def machine_busy(meta):
    # The load average is no guide: the benchmark's own threads raise it. Other work shows as
    # CPU that was not idle before the servers started, or compilers seen during the run.
    return meta["cpu_idle_before_pct"] < 85 or meta["compiler_samples_busy"] > 0


def markdown(meta, notes, rows, startup, soak, storm, tg, proxy_first=None):
    L = []
    busy = machine_busy(meta)
    pin = ("not pinned: servers and wrk share both cores" if meta["pin"] == "none"
           else "pinned: servers on CPU 0, wrk on CPU 1 (taskset)")
    L.append("# logicmock benchmark: latest run")
    L.append("")
    L.append(f"`bench/run.sh` at commit `{meta['commit']}`, {meta['date_utc']}. {meta['cores']} cores "
             f"({meta['cpu']}), Linux {meta['kernel']}, {meta['wrk']}, nginx {meta['nginx']}, "
             f"Prism {meta['prism']}, WireMock {meta.get('wiremock', 'none')} (Java "
             f"{meta.get('java', '?')}). wrk `-t{meta['wrk_threads']} -d{meta['duration']} --latency`, "
             f"keep-alive, {pin}. logicmock runs with its defaults (journal on, 1000 entries) and "
             f"`--log-format none`.")
    L.append("")
    L.append(f"Other work on the machine: CPU {meta['cpu_idle_before_pct']}% idle in the 2 s before the "
             f"servers started; compiler or linker processes seen in {meta['compiler_samples_busy']} of "
             f"{meta['compiler_samples']} samples taken every 2 s during the run (at most "
             f"{meta['compilers_max']} at once). Load average before: {meta['load_before']}, after: "
             f"{meta['load_after']} (the benchmark's own threads raise it). "
             + ("**The machine was busy: other work competed for the 2 cores, so absolute numbers "
                "are low and noisy; ratios from the same run are the fairer reading.**" if busy
                else "The machine was otherwise idle."))
    L.append("")

    def table(group_filter, title):
        L.append(f"## {title}")
        L.append("")
        L.append("| row | req/s | × baseline | p50 | p99 | max | errors | status |")
        L.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
        for r in rows:
            if r["group"] not in group_filter:
                continue
            if "rps" not in r:
                L.append(f"| {r['label']} | – | – | – | – | – | – | wrk failed |")
                continue
            ratio = f"{r['ratio_to_baseline']:.2f}" if "ratio_to_baseline" in r else "–"
            errors = r["transport_errors"] + r["timeouts"]
            status = f"{r['expected_status']} ✓" if r["status_ok"] else f"**not {r['expected_status']}**"
            who = {"baseline": "", "baseline256": "", "logicmock": "logicmock: ",
                   "logicmock_nojournal": "logicmock: ", "logicmock256": "logicmock: ", "prism": "",
                   "wiremock": "", "proxy": "logicmock: "}[r["group"]]
            L.append(f"| {who}{r['label']} | {fmt_rps(r['rps'])} | {ratio} | {fmt_ms(r['p50_ms'])} | "
                     f"{fmt_ms(r['p99_ms'])} | {fmt_ms(r['max_ms'])} | {errors} | {status} |")
        L.append("")

    table({"baseline", "logicmock", "logicmock_nojournal", "prism", "wiremock"},
          "Throughput and latency, 16 keep-alive connections")

    pairs = [("valid regenerateAccessKey", "lm_valid", "lm_valid_nojournal", "wiremock_valid_off",
              "wiremock_valid_on"),
             ("invalid body (400)", "lm_invalid", "lm_invalid_nojournal", "wiremock_invalid_off",
              "wiremock_invalid_on")]
    if any(by_id(rows, p[3]) or by_id(rows, p[2]) for p in pairs):
        def ratio(a, b):
            a, b = by_id(rows, a), by_id(rows, b)
            return f"{a['rps'] / b['rps']:.2f}×" if a and b else "–"
        L.append("## Same run: logicmock (journal on) against itself without the journal and WireMock")
        L.append("")
        L.append("| request | ÷ logicmock `--journal-size 0` | ÷ WireMock, no journal | "
                 "÷ WireMock, journal on (1000) | WireMock journal on ÷ off |")
        L.append("| --- | ---: | ---: | ---: | ---: |")
        for label, lm, lm_nj, wm_off, wm_on in pairs:
            L.append(f"| {label} | {ratio(lm, lm_nj)} | {ratio(lm, wm_off)} | {ratio(lm, wm_on)} | "
                     f"{ratio(wm_on, wm_off)} |")
        L.append("")
    table({"baseline256", "logicmock256"}, "Many connections: 256 keep-alive connections")

    if any(r["group"] == "proxy" for r in rows) or proxy_first:
        table({"proxy"}, "The proxy: 16 keep-alive connections, bench_proxy_probe (wrk cannot CONNECT)")
        if proxy_first and proxy_first.get("total"):
            def part(key):
                v = proxy_first[key]
                return (f"median {fmt_ms(v['median_ms'])} (min {fmt_ms(v['min_ms'])}, p90 "
                        f"{fmt_ms(v['p90_ms'])}, max {fmt_ms(v['max_ms'])})")
            L.append("| first request to a new host (prod-NN.westus.logic.azure.com) | time |")
            L.append("| --- | --- |")
            L.append(f"| total: connect, CONNECT, TLS handshake with a new leaf, one request "
                     f"({proxy_first['runs']} hosts, {proxy_first['failed']} failed) | {part('total')} |")
            L.append(f"| connect, CONNECT answered (the host's leaf is issued before the 200) | "
                     f"{part('connect_answered')} |")
            L.append(f"| TLS handshake | {part('tls_handshake')} |")
            L.append(f"| first request answered | {part('first_answer')} |")
            L.append("")

    L.append("## Start-up, memory, 1000 connections at once")
    L.append("")
    L.append("| measure | value |")
    L.append("| --- | --- |")
    if startup and "median_ms" in startup:
        L.append(f"| start-up to first 200 (`--port 0`, {startup['runs']} starts) | median "
                 f"{fmt_ms(startup['median_ms'])} (min {fmt_ms(startup['min_ms'])}, max "
                 f"{fmt_ms(startup['max_ms'])}); listening line after {fmt_ms(startup['median_listening_ms'])} |")
        L.append(f"| RSS right after the first 200 | {startup['rss_after_first_200_kib'] / MIB:.1f} MiB |")
    if meta.get("rss_after_load_kib"):
        L.append(f"| RSS after the -c16 rows | {meta['rss_after_load_kib'] / MIB:.1f} MiB |")
    if meta.get("rss_after_c256_kib"):
        L.append(f"| RSS after the -c256 row ({meta['threads_after_c256']} threads alive) | "
                 f"{meta['rss_after_c256_kib'] / MIB:.1f} MiB |")
    if soak:
        marks = ", ".join(f"{m['rss_kib'] / MIB:.1f} MiB after {m['requests']:,}" for m in soak["marks"])
        L.append(f"| RSS soak, fresh server, regenerateAccessKey at -c16 | {soak['rss_start_kib'] / MIB:.1f} "
                 f"MiB at start, {marks}; journal holds {soak['journal_count']} |")
    if storm:
        L.append(f"| 1000 connections opened at once, one request each | {storm['answered_200']} answered 200, "
                 f"{storm['answered_other']} other, {storm['failed']} failed, {storm['unanswered']} "
                 f"unanswered; all done in {fmt_ms(storm['all_answered_ms'])} (slowest answer "
                 f"{fmt_ms(storm['slowest_answer_ms'])}) |")
        L.append(f"| then a fresh client, the 1000 still open | status {storm['fresh_client_status']} in "
                 f"{fmt_ms(storm['fresh_client_ms'])} |")
        if meta.get("storm_rss_kib"):
            L.append(f"| RSS with the 1000 connections served | {meta['storm_rss_kib'] / MIB:.1f} MiB |")
    L.append("")

    L.append("## Targets")
    L.append("")
    L.append("| target | measured | threshold | |")
    L.append("| --- | --- | --- | --- |")
    for t in tg:
        L.append(f"| {t['target']} | {t['measured']} | {t['threshold']} | {mark(t['met'])} |")
    L.append("")
    if notes:
        L.append("## Notes")
        L.append("")
        for n in notes:
            L.append(f"- {n}")
        L.append("")
    L.append("How to read this: bench/README.md.")
    return "\n".join(L) + "\n"


def main():
    work, out_md, out_json = sys.argv[1:4]
    meta = load(work, "meta.json")
    rows = read_cases(work)
    add_ratios(rows)
    startup = load(work, "startup.json")
    soak = load(work, "soak.json")
    storm = load(work, "storm.json")
    proxy_first = load(work, "proxy_first.json")
    with open(os.path.join(work, "notes.txt")) as f:
        notes = [line.strip() for line in f if line.strip()]
    tg = targets(rows, startup, soak, storm, meta, proxy_first)
    meta["machine_busy"] = machine_busy(meta)
    with open(out_md, "w") as f:
        f.write(markdown(meta, notes, rows, startup, soak, storm, tg, proxy_first))
    with open(out_json, "w") as f:
        json.dump({"meta": meta, "notes": notes, "rows": rows, "startup": startup, "soak": soak,
                   "storm": storm, "proxy_first": proxy_first, "targets": tg}, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
