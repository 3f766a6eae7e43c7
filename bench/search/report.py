"""The Markdown report of bench/search/run.

report.py RESULTS EMBED_QUERIES EMBED_TEXTS DEMO_TITLES ALL_TITLES — RESULTS holds "label result key=value ..." lines
(label: phase.mode.cN for wrk, phase.mode.pg4 for pgbench, B.job, home.c4 or home), EMBED_* the "embed key=value"
lines of EmbedRate.java.

Ceilings, from the same run: keyword — pgbench running the keyword SQL of one search; semantic and hybrid — the model's
raw rate E (best of 1 and 4 threads) and pgbench's rate S for the search's SQL, which share the same two cores, so at
most 1 / (1/E + 1/S) searches/s. Embedding share of a search's time: the model's mean time for one query outside the
application (one thread) ÷ the application's mean latency at one client; at 4 clients, the share of the machine that
embedding takes: the app's req/s ÷ E (the model needs 1/E of the machine per query).
"""
import sys


def parse(path, prefix):
    rows = {}
    for line in open(path):
        parts = line.split()
        if not parts:
            continue
        if prefix == "embed" and parts[0] == "embed":
            values = dict(p.split("=", 1) for p in parts[1:])
            rows[values.get("threads", "batch")] = {k: float(v) for k, v in values.items()}
        elif prefix == "result" and len(parts) > 1 and parts[1] == "result":
            rows[parts[0]] = {k: float(v) for k, v in (p.split("=", 1) for p in parts[2:])}
    return rows


def main():
    results = parse(sys.argv[1], "result")
    embed = parse(sys.argv[2], "embed")
    texts = parse(sys.argv[3], "embed").get("batch")
    demo_titles, all_titles = sys.argv[4], sys.argv[5]
    e_best = max(embed["1"]["rate"], embed["4"]["rate"])
    problems = []
    print("Search, `GET /api/v1/catalog/search/semantic` (page_size 20);"
          " wrk, PostgreSQL and Redis on the same 2-core machine. Latency in ms; CPU in cores (2.00: the machine).\n")
    print("| catalog | mode | p50 at 1 client | p50 / p95 / p99 at 4 clients | req/s at 4 | req/s at 16"
          " | CPU app / wrk at 16 | ceiling req/s | app at 16 ÷ ceiling | embedding share at 1 / 4 clients |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for phase, label in (("A", f"demo, {demo_titles} titles"), ("B", f"{all_titles} titles")):
        for mode in ("keyword", "semantic", "hybrid"):
            c1, c4, c16 = (results.get(f"{phase}.{mode}.c{c}") for c in (1, 4, 16))
            pg = results.get(f"{phase}.{mode}.pg4")
            if not (c1 and c4 and c16 and pg):
                print(f"| {label} | {mode} | missing | | | | | | | |")
                continue
            for run, r in (("c1", c1), ("c4", c4), ("c16", c16)):
                if r["non200"] or r["unexpected"] or r["errors"]:
                    problems.append(f"{phase} {mode} {run}: {int(r['non200'])} not 200, {int(r['unexpected'])} not"
                                    f" in the mode asked for, {int(r['errors'])} socket errors")
            if mode == "keyword":
                ceiling, share = pg["rate"], "–"
                how = "pgbench"
            else:
                ceiling = 1 / (1 / e_best + 1 / pg["rate"])
                share = (f"{embed['1']['mean'] / c1['mean']:.0%} / {c4['rate'] / e_best:.0%}")
                how = "model + pgbench"
            print(f"| {label} | {mode} | {c1['p50']:.1f} | {c4['p50']:.1f} / {c4['p95']:.1f} / {c4['p99']:.1f}"
                  f" | {c4['rate']:.0f} | {c16['rate']:.0f} | {c16.get('appcpu', 0):.2f} / {c16.get('wrkcpu', 0):.2f}"
                  f" | {ceiling:.0f} ({how}: {pg['rate']:.0f} SQL/s)"
                  f" | {c16['rate'] / ceiling:.2f} | {share} |")
    print(f"\nModel alone (same class and calls as the app, one query a call): {embed['1']['rate']:.0f} queries/s on one"
          f" thread (mean {embed['1']['mean']:.1f} ms), {embed['4']['rate']:.0f}/s on four"
          f" (mean {embed['4']['mean']:.1f} ms).")
    job = results.get("B.job")
    if job:
        raw = f"; the model alone, batches of 32 title texts: {texts['rate']:.0f} texts/s" if texts else ""
        ratio = f", job ÷ raw {job['rate'] / texts['rate']:.2f}" if texts else ""
        print(f"Admin embedding job, {int(job['done'])} synthetic titles ({int(job['failed'])} failed):"
              f" {job['seconds']:.0f} s = {job['rate']:.0f} titles/s{raw}{ratio}.")
    hybrid = results.get("B.hybrid.c4")
    if hybrid:
        verdict = "met" if hybrid["p95"] < 50 else "missed"
        print(f"\nTarget hybrid p95 < 50 ms at 4 clients on {all_titles} titles: {hybrid['p95']:.1f} ms, {verdict}.")
    home = results.get("home.c4")
    if home:
        verdict = "met" if home["p99"] < 20 else "missed"
        print(f"Home rails (cached, one profile, 4 clients): p50 {home['p50']:.1f} / p95 {home['p95']:.1f} /"
              f" p99 {home['p99']:.1f} ms, {home['rate']:.0f} req/s (CPU app {home.get('appcpu', 0):.2f},"
              f" wrk {home.get('wrkcpu', 0):.2f}); target p99 < 20 ms: {verdict}.")
        if home["non200"] or home["unexpected"] or home["errors"]:
            problems.append(f"home rails: {int(home['non200'])} not 200, {int(home['errors'])} socket errors")
    else:
        status = results.get("home", {}).get("status")
        print(f"Home rails: not available (HTTP {int(status) if status else '?'}).")
    if problems:
        print("\nNot clean:\n" + "\n".join(f"- {p}" for p in problems))
        sys.exit(1)


if __name__ == "__main__":
    main()
