"""pandas baseline for the reader benchmark: read_csv(encoding="gb18030") over the county
project files, as an analyst would (title rows skipped by position, two header rows, every
column as text, then the money columns as numbers). Prints files, rows, bytes and seconds."""
import sys
import time

import pandas as pd

files = [line.strip() for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
rows = 0
size = 0
started = time.perf_counter()
for path in files:
    frame = pd.read_csv(path, encoding="gb18030", skiprows=3, header=[0, 1], dtype=str,
                        keep_default_na=False, on_bad_lines="skip")
    # The money columns (总投资, 年度计划投资, 1-N月完成投资, 本月完成投资) as numbers; the
    # thousands separators and dashes counties write become NaN where pandas cannot read them.
    for col in frame.columns[7:11]:
        pd.to_numeric(frame[col].str.replace(",", "", regex=False), errors="coerce")
    rows += len(frame)
elapsed = time.perf_counter() - started
import os
size = sum(os.path.getsize(p) for p in files)
print(f"pandas files={len(files)} rows={rows} bytes={size} seconds={elapsed:.3f}")
