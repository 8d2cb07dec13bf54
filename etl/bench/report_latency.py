"""Report latency at scale (etl/bench/run.sh): every invest-report subcommand (wall clock of the
CLI, process start and connection included) and every analyst view (server execution time from
EXPLAIN ANALYZE, planning included), each repeated, median; and a full count(*) scan of
dw.fact_project_month for the ratio.

    python3 report_latency.py INVEST_REPORT_BIN MONTH(YYYY-MM) OUT.json [REPEATS]

DATABASE_URL must point at the loaded database."""
import json
import os
import re
import statistics
import subprocess
import sys
import time

binary, month, out = sys.argv[1], sys.argv[2], sys.argv[3]
repeats = int(sys.argv[4]) if len(sys.argv) > 4 else 7
url = os.environ["DATABASE_URL"]
month_key = int(month.replace("-", ""))


def psql(sql):
    return subprocess.run(["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", url, "-c", sql],
                          check=True, capture_output=True, text=True).stdout


def explain_ms(sql):
    text = psql("EXPLAIN (ANALYZE, TIMING OFF, SUMMARY ON) " + sql)
    planning = float(re.search(r"Planning Time: ([0-9.]+) ms", text).group(1))
    execution = float(re.search(r"Execution Time: ([0-9.]+) ms", text).group(1))
    return planning + execution


def median_of(fn):
    fn()  # warm-up (plans, caches), not counted
    return statistics.median(fn() for _ in range(repeats))


result = {"month": month, "repeats": repeats, "reports": [], "views": []}
result["facts"] = int(psql("SELECT count(*) FROM dw.fact_project_month").strip())
result["count_scan_ms"] = median_of(lambda: explain_ms("SELECT count(*) FROM dw.fact_project_month"))

# Subcommands as the CLI lists them.
help_text = subprocess.run([binary, "--help"], capture_output=True, text=True).stdout
subcommands = []
in_list = False
for line in help_text.splitlines():
    if line.strip().startswith("SUBCOMMANDS"):
        in_list = True
        continue
    if in_list:
        if line.strip().startswith("See "):
            break
        # "  name   abstract…"; wrapped abstract lines are indented further.
        m = re.match(r"^  ([a-z][a-z0-9-]*)(\s|$)", line)
        if m and m.group(1) != "help":
            subcommands.append(m.group(1))

for name in subcommands:
    candidates = [[name, "--month", month, "--format", "json"],
                  [name, "--month", month, "--format", "markdown"],
                  [name, "--month", month]]
    chosen, error = None, None
    for args in candidates:
        run = subprocess.run([binary] + args, capture_output=True, text=True)
        if run.returncode == 0:
            chosen = args
            break
        error = (run.stderr or run.stdout).strip().splitlines()[-1:] or ["exit %d" % run.returncode]
    if chosen is None:
        result["reports"].append({"command": name, "error": error[0]})
        continue

    def once(args=chosen):
        started = time.perf_counter()
        subprocess.run([binary] + args, check=True, capture_output=True)
        return (time.perf_counter() - started) * 1000

    result["reports"].append({"command": " ".join(chosen), "median_ms": median_of(once)})

views = [v for v in psql("SELECT table_name FROM information_schema.views WHERE table_schema = 'analyst' "
                          "ORDER BY table_name").split() if v]
for view in views:
    columns = set(psql("SELECT column_name FROM information_schema.columns WHERE table_schema = 'analyst' "
                       f"AND table_name = '{view}'").split())
    if "month_key" in columns:
        sql = f"SELECT * FROM analyst.{view} WHERE month_key = {month_key}"
    elif "year" in columns:
        sql = f"SELECT * FROM analyst.{view} WHERE year = {month_key // 100}"
    else:
        sql = f"SELECT * FROM analyst.{view}"
    try:
        result["views"].append({"view": view, "query": sql, "median_ms": median_of(lambda: explain_ms(sql))})
    except subprocess.CalledProcessError as e:
        result["views"].append({"view": view, "query": sql, "error": e.stderr.strip()[:200]})

with open(out, "w", encoding="utf-8") as f:
    json.dump(result, f, ensure_ascii=False, indent=1)
print(f"reports and views timed at {result['facts']} facts: count(*) {result['count_scan_ms']:.1f} ms")
for r in result["reports"] + result["views"]:
    label = r.get("command") or r.get("view")
    print(f"  {label}: " + (f"{r['median_ms']:.1f} ms" if "median_ms" in r else "ERROR " + r["error"]))
