#!/usr/bin/env bash
# Reader throughput benchmark (not a test): generates a GBK (GB18030) project-progress CSV with
# python3 and times a reader-only pass (decode + tokenize, nothing kept), reporting MB/s, rows/s
# and peak RSS.
#
#   etl/bench/reader-bench.sh [size-MB] [work-dir]     (default 200 MB, /tmp/reader-bench)
#
# Needs `invest-etl read --stats FILE` (a reader-only pass over SheetReader.scanFile) and
# /usr/bin/time (apt-get install time). Builds in release mode with its own scratch path.
set -euo pipefail
size_mb=${1:-200}
work=${2:-/tmp/reader-bench}
root=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$work"
file="$work/progress-${size_mb}mb-gbk.csv"

if [ ! -s "$file" ]; then
  python3 - "$file" "$size_mb" <<'PY'
import random, sys
path, size = sys.argv[1], int(sys.argv[2]) * 1000 * 1000
rng = random.Random(20220630)
regions = ["钦南区", "钦北区", "灵山县", "浦北县", "钦州港区", "三娘湾旅游区"]
kinds = ["新建", "续建", "改扩建"]
names = ["钦州港大榄坪作业区{}号泊位工程", "灵山县工业园区标准厂房（{}期）", "浦北县城南片区市政道路\n配套工程{}",
         "中石油广西石化\"{}\"号炼化一体化项目", "钦州市第{}人民医院综合楼"]
with open(path, "wb") as f:
    head = ("附件1,,,,,,,,\n2022年1-6月钦州市重大项目投资进度表,,,,,,,,\n"
            "填报单位：钦州市发展和改革委员会,,,,,,单位：万元,,\n"
            "序号,项目代码,项目名称,所属县区,建设性质,总投资,\"1-6月\n完成投资\",本月完成投资,是否民间投资\n")
    f.write(head.encode("gb18030"))
    written, i, block = 0, 0, []
    while written < size:
        i += 1
        name = rng.choice(names).format(rng.randint(1, 99))
        if '"' in name or "\n" in name or "," in name:
            name = '"' + name.replace('"', '""') + '"'
        row = "{},2022-450700-{:02d}-01-{:06d},{},{},{},\"{:,}.{}\",{}.{},{},{}\r\n".format(
            i, rng.randint(10, 99), i, name, rng.choice(regions), rng.choice(kinds),
            rng.randint(100, 5000000), rng.randint(0, 9), rng.randint(0, 99999), rng.randint(0, 9),
            rng.choice(["", "-", "12.5", "\"1,234.5\""]), rng.choice(["是", "否"]))
        block.append(row)
        if len(block) == 10000:
            data = "".join(block).encode("gb18030")
            f.write(data); written += len(data); block = []
    if block:
        f.write("".join(block).encode("gb18030"))
    f.write("合计,,,,,,,,\n注：本表数据截至2022年6月30日。,,,,,,,,\n".encode("gb18030"))
PY
fi

swift build -c release --scratch-path "$root/.build-bench" --product invest-etl >/dev/null
bin="$root/.build-bench/release/invest-etl"
echo "file: $file ($(stat -c %s "$file") bytes)"
/usr/bin/time -v "$bin" read --stats "$file" 2> "$work/time.txt"
grep -E "Maximum resident set size|Elapsed \(wall clock\)" "$work/time.txt"
