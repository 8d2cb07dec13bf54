-- Special bonds (政府专项债券), from special-bonds sheets.
--
-- Use-by deadline of a batch: the end of the N-th month after the half year in which it was
-- issued (N = special_bond_use_months_after_half, 2): bonds issued January–June must be used by
-- 31 August (the policy's rule); bonds issued July–December by the end of February of the next
-- year (the same two months of grace; our decision, configurable through N).
-- Per project and batch in month m (month end E):
--   usage_pct = used / issued × 100; started = the sheet's 是否开工, else start_date ≤ E;
--   time_progress_pct = (E − issue_date) / (use_by − issue_date) × 100, capped at 100;
--   lagging_reason = 'not started' | 'deadline passed, not fully used' (E ≥ use_by and
--   usage < special_bond_usage_pct) | 'usage behind time' (usage_pct < time_progress_pct).

CREATE VIEW analyst.special_bond_project AS
SELECT x.*,
       CASE WHEN NOT x.started THEN 'not started'
            WHEN x.month_end >= x.use_by_date AND coalesce(x.usage_pct, 0) < x.usage_target_pct THEN 'deadline passed, not fully used'
            WHEN coalesce(x.usage_pct, 0) < x.time_progress_pct THEN 'usage behind time'
       END AS lagging_reason,
       NOT x.started
         OR (x.month_end >= x.use_by_date AND coalesce(x.usage_pct, 0) < x.usage_target_pct)
         OR coalesce(x.usage_pct, 0) < x.time_progress_pct AS lagging
FROM (
    SELECT y.*,
           least(100, round(greatest(0, y.month_end - y.issue_date)::numeric
                            / nullif(y.use_by_date - y.issue_date, 0) * 100, 2)) AS time_progress_pct
    FROM (
        SELECT f.region_key, r.region_code, r.name AS region, r.sort_order, rc.city_key, rc.city,
               p.project_code, p.project_name, f.bond_batch,
               f.month_key, to_char(m.month_start, 'YYYY-MM') AS month, m.year, m.month AS month_no,
               (m.month_start + interval '1 month' - interval '1 day')::date AS month_end,
               f.issue_date,
               CASE WHEN extract(month FROM f.issue_date) <= 6 THEN 1 ELSE 2 END AS issue_half,
               (date_trunc('year', f.issue_date)
                + make_interval(months => CASE WHEN extract(month FROM f.issue_date) <= 6 THEN 6 ELSE 12 END
                                          + coalesce(n.value, 2)::integer)
                - interval '1 day')::date AS use_by_date,
               f.issued_wan, f.used_wan,
               round(f.used_wan / nullif(f.issued_wan, 0) * 100, 2) AS usage_pct,
               coalesce(u.value, 100) AS usage_target_pct,
               f.started AS reported_started, f.start_date,
               coalesce(f.started, f.start_date <= (m.month_start + interval '1 month' - interval '1 day')::date, false) AS started,
               f.batch_key, f.line_no
        FROM dw.fact_special_bond_month f
        JOIN dw.dim_project p ON p.region_key = f.region_key AND p.project_key = f.project_key
        JOIN dw.dim_region r ON r.region_key = f.region_key
        JOIN dw.dim_month m ON m.month_key = f.month_key
        LEFT JOIN analyst.region_city rc ON rc.region_key = f.region_key
        LEFT JOIN analyst.policy_target n ON n.target_code = 'special_bond_use_months_after_half' AND n.category = '' AND n.year = m.year
        LEFT JOIN analyst.policy_target u ON u.target_code = 'special_bond_usage_pct' AND u.category = '' AND u.year = m.year
    ) y
) x;
COMMENT ON VIEW analyst.special_bond_project IS '专项债券：每个项目、发行批次、报告期一行，含使用率、使用期限与滞后原因 / Special bonds per project, batch and month, with usage rate, use-by deadline and why a project lags';
COMMENT ON COLUMN analyst.special_bond_project.region_key IS '地区代理键 / Region key';
COMMENT ON COLUMN analyst.special_bond_project.region_code IS '地区代码 / Region code';
COMMENT ON COLUMN analyst.special_bond_project.region IS '地区 / Region';
COMMENT ON COLUMN analyst.special_bond_project.sort_order IS '地区排列顺序 / Region order';
COMMENT ON COLUMN analyst.special_bond_project.city_key IS '所属市代理键 / City key';
COMMENT ON COLUMN analyst.special_bond_project.city IS '所属市 / City';
COMMENT ON COLUMN analyst.special_bond_project.project_code IS '统一项目代码 / Project code';
COMMENT ON COLUMN analyst.special_bond_project.project_name IS '项目名称 / Project name';
COMMENT ON COLUMN analyst.special_bond_project.bond_batch IS '发行批次 / Issuance batch';
COMMENT ON COLUMN analyst.special_bond_project.month_key IS '报告期 YYYYMM / Reporting month key';
COMMENT ON COLUMN analyst.special_bond_project.month IS '报告期 YYYY-MM / Reporting month';
COMMENT ON COLUMN analyst.special_bond_project.year IS '年 / Year';
COMMENT ON COLUMN analyst.special_bond_project.month_no IS '月 / Month number';
COMMENT ON COLUMN analyst.special_bond_project.month_end IS '报告期末日 / Last day of the reporting month';
COMMENT ON COLUMN analyst.special_bond_project.issue_date IS '发行时间 / Issue date';
COMMENT ON COLUMN analyst.special_bond_project.issue_half IS '发行所在半年（1 上半年 / 2 下半年） / Half year of issue';
COMMENT ON COLUMN analyst.special_bond_project.use_by_date IS '使用期限：上半年发行的当年8月31日，下半年发行的次年2月底 / Use-by date: 31 August for first-half bonds, end of February next year for second-half bonds';
COMMENT ON COLUMN analyst.special_bond_project.issued_wan IS '发行金额（万元） / Amount issued, 10k CNY';
COMMENT ON COLUMN analyst.special_bond_project.used_wan IS '已使用金额（万元） / Amount used, 10k CNY';
COMMENT ON COLUMN analyst.special_bond_project.usage_pct IS '使用率（%） / Usage rate, percent';
COMMENT ON COLUMN analyst.special_bond_project.usage_target_pct IS '期限前应使用比例（%） / Share to be used by the deadline, percent';
COMMENT ON COLUMN analyst.special_bond_project.reported_started IS '表中所填是否开工 / Started, as the sheet says';
COMMENT ON COLUMN analyst.special_bond_project.start_date IS '开工时间 / Start date';
COMMENT ON COLUMN analyst.special_bond_project.started IS '已开工（表中所填，否则开工时间不晚于报告期末） / Started (as the sheet says, else a start date by the month end)';
COMMENT ON COLUMN analyst.special_bond_project.batch_key IS '来源批次 / Source batch';
COMMENT ON COLUMN analyst.special_bond_project.line_no IS '源文件行号 / Line in the source file';
COMMENT ON COLUMN analyst.special_bond_project.time_progress_pct IS '时间进度（%）：发行至报告期末天数 ÷ 发行至使用期限天数 / Time elapsed from issue to the deadline, percent';
COMMENT ON COLUMN analyst.special_bond_project.lagging_reason IS '滞后原因：not started 未开工 / deadline passed, not fully used 逾期未用完 / usage behind time 使用慢于时间进度 / Why the project lags';
COMMENT ON COLUMN analyst.special_bond_project.lagging IS '是否滞后 / Lagging';

-- A batch is an issuance: the rows of one city with one issue date, whatever each county calls
-- it (`第一批`, `2022年第1批`: the names are listed). Grouping by the name merged a 2021 `第一批`
-- with 2022's into one overdue batch, and split one issuance written two ways.
CREATE VIEW analyst.special_bond_batch AS
SELECT b.city_key, c.region_code AS city_code, c.name AS city,
       string_agg(DISTINCT b.bond_batch, ' / ' ORDER BY b.bond_batch) AS bond_batch, b.month_key, b.month, b.year,
       b.batch_date AS issue_date, min(b.issue_half) AS issue_half, min(b.use_by_date) AS use_by_date,
       min(b.use_by_date) - min(b.month_end) AS days_to_deadline,
       min(b.month_end) >= min(b.use_by_date) AS deadline_passed,
       sum(b.issued_wan) AS issued_wan, coalesce(sum(b.used_wan), 0) AS used_wan,
       round(coalesce(sum(b.used_wan), 0) / nullif(sum(b.issued_wan), 0) * 100, 2) AS usage_pct,
       min(b.usage_target_pct) AS usage_target_pct,
       coalesce(sum(b.used_wan), 0) / nullif(sum(b.issued_wan), 0) * 100 >= min(b.usage_target_pct) AS meets_usage_target,
       count(*)::integer AS project_count,
       count(*) FILTER (WHERE b.started)::integer AS started_count,
       round(count(*) FILTER (WHERE b.started) * 100.0 / count(*), 2) AS start_rate_pct,
       count(*) FILTER (WHERE b.lagging)::integer AS lagging_count
FROM (
    -- A county that wrote only the month (`2022年3月`, stored as the 1st) means the issuance of
    -- that month the other sheets date exactly (2022-03-18): one batch, not two.
    SELECT p.*,
           CASE WHEN extract(day FROM p.issue_date) = 1
                THEN coalesce(min(p.issue_date) FILTER (WHERE extract(day FROM p.issue_date) <> 1)
                                  OVER (PARTITION BY p.city_key, p.month_key, date_trunc('month', p.issue_date)),
                              p.issue_date)
                ELSE p.issue_date END AS batch_date
    FROM analyst.special_bond_project p
) b
JOIN dw.dim_region c ON c.region_key = b.city_key
GROUP BY b.city_key, c.region_code, c.name, b.batch_date, b.month_key, b.month, b.year;
COMMENT ON VIEW analyst.special_bond_batch IS '专项债券按发行批次（发行日）汇总（每个市、批次、报告期一行）：使用率与使用期限、开工率、滞后项目数 / Special bonds per issuance batch, city and month: usage rate against the deadline, start rate, lagging projects';
COMMENT ON COLUMN analyst.special_bond_batch.city_key IS '市代理键 / City key';
COMMENT ON COLUMN analyst.special_bond_batch.city_code IS '市代码 / City code';
COMMENT ON COLUMN analyst.special_bond_batch.city IS '市 / City';
COMMENT ON COLUMN analyst.special_bond_batch.bond_batch IS '发行批次名称（各县写法不同时以 / 分隔） / Issuance batch as the sheets name it (several names joined by /)';
COMMENT ON COLUMN analyst.special_bond_batch.month_key IS '报告期 YYYYMM / Reporting month key';
COMMENT ON COLUMN analyst.special_bond_batch.month IS '报告期 YYYY-MM / Reporting month';
COMMENT ON COLUMN analyst.special_bond_batch.year IS '年 / Year';
COMMENT ON COLUMN analyst.special_bond_batch.issue_date IS '发行时间（一个批次一个发行日） / Issue date (one batch per issue date)';
COMMENT ON COLUMN analyst.special_bond_batch.issue_half IS '发行所在半年 / Half year of issue';
COMMENT ON COLUMN analyst.special_bond_batch.use_by_date IS '使用期限 / Use-by date';
COMMENT ON COLUMN analyst.special_bond_batch.days_to_deadline IS '距使用期限天数（自报告期末起，负数为已过） / Days from the month end to the deadline (negative: past)';
COMMENT ON COLUMN analyst.special_bond_batch.deadline_passed IS '报告期末已到或超过使用期限 / The month end is on or after the deadline';
COMMENT ON COLUMN analyst.special_bond_batch.issued_wan IS '发行金额（万元） / Issued, 10k CNY';
COMMENT ON COLUMN analyst.special_bond_batch.used_wan IS '已使用金额（万元） / Used, 10k CNY';
COMMENT ON COLUMN analyst.special_bond_batch.usage_pct IS '使用率（%） / Usage rate, percent';
COMMENT ON COLUMN analyst.special_bond_batch.usage_target_pct IS '期限前应使用比例（%） / Share to be used by the deadline';
COMMENT ON COLUMN analyst.special_bond_batch.meets_usage_target IS '使用率已达到应使用比例 / Usage meets the target share';
COMMENT ON COLUMN analyst.special_bond_batch.project_count IS '项目个数 / Projects';
COMMENT ON COLUMN analyst.special_bond_batch.started_count IS '已开工项目个数 / Projects started';
COMMENT ON COLUMN analyst.special_bond_batch.start_rate_pct IS '开工率（%） / Start rate, percent';
COMMENT ON COLUMN analyst.special_bond_batch.lagging_count IS '滞后项目个数 / Lagging projects';
