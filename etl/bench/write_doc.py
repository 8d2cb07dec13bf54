"""Writes the results of one etl/bench/run.sh into docs/benchmarks.md, between the markers
`<!-- bench:results:begin -->` and `<!-- bench:results:end -->` (the rest of the document —
what was changed and why — is hand-written and kept).

    python3 write_doc.py WORK_DIR docs/benchmarks.md"""
import datetime
import json
import os
import re
import subprocess
import sys

work, doc = sys.argv[1], sys.argv[2]
res = os.path.join(work, "results")
BEGIN, END = "<!-- bench:results:begin -->", "<!-- bench:results:end -->"


def read(name, default=""):
    try:
        with open(os.path.join(res, name), encoding="utf-8") as f:
            return f.read().strip()
    except FileNotFoundError:
        return default


def timing(name):
    """(wall seconds, peak RSS MB, exit code) from /usr/bin/time -v output."""
    text = read(name + ".time")
    if not text:
        return None
    m = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", text)
    seconds = int(m.group(1) or 0) * 3600 + int(m.group(2)) * 60 + float(m.group(3))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)) / 1024
    return seconds, rss, int(read(name + ".rc", "0") or 0)


def size_of(paths):
    return sum(os.path.getsize(p) for p in paths)


with open(os.path.join(work, "project-files.txt"), encoding="utf-8") as f:
    project_files = [line.strip() for line in f if line.strip()]
corpus_files = []
for base, _, names in os.walk(os.path.join(work, "large")):
    corpus_files += [os.path.join(base, n) for n in names]
facts_csv = os.path.join(work, "large-facts.csv")
mb = 1_000_000

rows = {}
lines = []
w = lines.append


def fmt(x, digits=0):
    return f"{x:,.{digits}f}"


# Machine.
cpu = "unknown"
with open("/proc/cpuinfo") as f:
    for line in f:
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
with open("/proc/meminfo") as f:
    mem_kb = int(f.readline().split()[1])
nproc = os.cpu_count()
load = os.getloadavg()
w(f"Run of `etl/bench/run.sh` on {datetime.date.today().isoformat()}: {nproc} CPUs ({cpu}), "
  f"{mem_kb / 1024 / 1024:.1f} GiB memory, PostgreSQL {read('server_version')} "
  f"(throwaway server from etl/dev-db.sh: fsync off, default shared_buffers), "
  f"load average at the end {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}.")
w("")

# Loading.
copy, pgl, load = timing("copy"), timing("pgloader"), timing("load")
csv_rows = int(read("copy.rows", "0") or 0)
pgl_rows = int(read("pgloader.rows", "0") or 0)
load_rows = int(read("load.rows", "0") or 0)
load_facts = int(read("load.facts", "0") or 0)
csv_mb = os.path.getsize(facts_csv) / mb
corpus_mb = size_of(corpus_files) / mb
w("### Loading the large corpus")
w("")
w(f"Corpus: {len(corpus_files)} county files ({fmt(corpus_mb, 1)} MB; {len(project_files)} GBK project-progress "
  f"files), {fmt(load_facts)} project-month facts; the normalised long CSV of the same facts is "
  f"{fmt(csv_mb, 1)} MB, {fmt(csv_rows)} rows.")
w("")
w("| | what | wall s | rows | rows/s | MB/s (input) | peak RSS MB |")
w("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
rate = {}
for key, label, t, n, size in [
        ("a", "(a) floor: `psql \\copy` of the normalised CSV", copy, csv_rows, csv_mb),
        ("b", "(b) peer: `pgloader`, same CSV, same table", pgl, pgl_rows, csv_mb),
        ("c", "(c) `invest-etl load` of the county files", load, load_rows, corpus_mb)]:
    if t is None:
        w(f"| {key} | {label} | – | – | – | – | – |")
        continue
    s, rss, rc = t
    rate[key] = n / s if s else 0
    note = "" if rc == 0 else f" (exit {rc})"
    w(f"| {key} | {label}{note} | {s:.1f} | {fmt(n)} | {fmt(rate[key])} | {size / s:.1f} | {rss:.0f} |")
w("")
if all(k in rate for k in "abc"):
    ca, cb = rate["c"] / rate["a"], rate["c"] / rate["b"]
    w(f"- (c)/(a) = **{ca:.2f}** (goal ≥ 0.5: {'met' if ca >= 0.5 else f'missed by {(0.5 - ca) / 0.5 * 100:.0f}%'})")
    w(f"- (c)/(b) = **{cb:.2f}** (goal ≥ 5: {'met' if cb >= 5 else f'missed by {(5 - cb) / 5 * 100:.0f}%'})")
    w("- (a) and (b) are client RSS (psql, pgloader); the server's memory is not counted for any of them. "
      "(c) also keeps every file's original bytes in etl.source_file_chunk, stages, merges, supersedes and "
      "refreshes the summaries, all inside one transaction per file.")
w("")

# Parsing.
pandas_t, reader_t = timing("pandas"), timing("reader")
reader_out = read("reader.out")
m = re.search(r"total: (\d+) files, (\d+) data rows", reader_out)
reader_rows = int(m.group(2)) if m else 0
m = re.search(r"pandas files=(\d+) rows=(\d+) bytes=(\d+) seconds=([\d.]+)", read("pandas.out"))
pandas_rows = int(m.group(2)) if m else 0
proj_mb = size_of(project_files) / mb
w("### Parsing the county files (no database)")
w("")
w("| what | wall s | rows | rows/s | MB/s | peak RSS MB |")
w("| --- | ---: | ---: | ---: | ---: | ---: |")
prate = {}
for key, label, t, n in [("pandas", "pandas `read_csv(encoding=\"gb18030\")` + numeric columns", pandas_t, pandas_rows),
                         ("reader", "SheetReader: `invest-etl read --stats`", reader_t, reader_rows)]:
    if t is None:
        continue
    s, rss, rc = t
    prate[key] = proj_mb / s
    w(f"| {label} | {s:.2f} | {fmt(n)} | {fmt(n / s)} | {proj_mb / s:.1f} | {rss:.0f} |")
w("")
if "pandas" in prate and "reader" in prate:
    r = prate["reader"] / prate["pandas"]
    w(f"- reader/pandas = **{r:.2f}** (goal ≥ 1: {'met' if r >= 1 else f'missed by {(1 - r) * 100:.0f}%'}). "
      "Wall time includes process start (Python's import of pandas, about 0.4 s, is part of its figure). "
      "pandas only splits cells and converts four columns; SheetReader also detects encoding, layout, "
      "header, month, region and unit, classifies every row (sections, subtotals checked against their "
      "rows, notes) and parses every value exactly.")
w("")

# Memory.
huge = timing("huge")
if huge:
    s, rss, rc = huge
    hbytes = int(read("huge.bytes", "0") or 0)
    hrows = int(read("huge.rows", "0") or 0)
    w("### Memory: one big file")
    w("")
    w(f"`invest-etl load` of one {hbytes / 1024 / 1024:,.0f} MiB project-progress file ({fmt(hrows)} rows loaded"
      f"{'' if rc == 0 else f', exit {rc}'}): {s:.1f} s, {hrows / s:,.0f} rows/s, {hbytes / mb / s:.1f} MB/s, "
      f"peak RSS **{rss:.1f} MB** (goal < 64 MB: {'met' if rss < 64 else 'missed'}).")
    w("")

# Reports.
try:
    with open(os.path.join(res, "reports.json"), encoding="utf-8") as f:
        rep = json.load(f)
except FileNotFoundError:
    rep = None
if rep:
    scan = rep["count_scan_ms"]
    w(f"### Reports at {fmt(rep['facts'])} project-month facts ({rep['month']}, median of {rep['repeats']})")
    w("")
    w(f"Full scan `SELECT count(*) FROM dw.fact_project_month`: {scan:.0f} ms. Reports: wall clock of the "
      "CLI (process start and connection included). Views: planning + execution from EXPLAIN ANALYZE.")
    w("")
    w("| report or view | median ms | ratio to count(*) | ≤ 100 ms |")
    w("| --- | ---: | ---: | :---: |")
    worst = 0
    for r in rep["reports"]:
        if "median_ms" in r:
            worst = max(worst, r["median_ms"])
            w(f"| `invest-report {r['command']}` | {r['median_ms']:.1f} | {r['median_ms'] / scan:.3f} | "
              f"{'yes' if r['median_ms'] <= 100 else '**no**'} |")
        else:
            w(f"| `invest-report {r['command']}` | error: {r['error']} | | **no** |")
    for v in rep["views"]:
        if "median_ms" in v:
            worst = max(worst, v["median_ms"])
            w(f"| `{v['query']}` | {v['median_ms']:.1f} | {v['median_ms'] / scan:.3f} | "
              f"{'yes' if v['median_ms'] <= 100 else '**no**'} |")
        else:
            w(f"| `{v['query']}` | error: {v['error']} | | **no** |")
    w("")
    w(f"Slowest: {worst:.1f} ms.")
    w("")

section = "\n".join(lines)
try:
    with open(doc, encoding="utf-8") as f:
        text = f.read()
except FileNotFoundError:
    text = f"# Benchmarks\n\n{BEGIN}\n{END}\n"
if BEGIN in text and END in text:
    text = text[:text.index(BEGIN) + len(BEGIN)] + "\n" + section + "\n" + text[text.index(END):]
else:
    text += f"\n{BEGIN}\n{section}\n{END}\n"
with open(doc, "w", encoding="utf-8") as f:
    f.write(text)
print(section)
