-- Central-budget investment (中央预算内投资), from central-budget sheets.
--
-- Per plan (project × plan issued date) in a reporting month m (month end E):
--   start_deadline = plan_issued_date + N months (N = central_budget_start_months, 3);
--   started        = start_date ≤ E; without a date, as the 开工时间 cell says in words (已开工);
--   start_status   = started (start_date ≤ deadline, or started by the words: no date to be late by)
--                  | started_late (start_date > deadline)
--                  | not_started_overdue (not started and deadline < E) | not_started (still in time);
--   late_start     = started_late or not_started_overdue: the "not started within 3 months" list.
-- Summary per region and per city (row_kind total): issued in the year = plans whose issued
-- date falls in the report year; payment_pct = paid to date / amount of every plan the month's
-- sheets list (older plans still being paid count too); targets from analyst.policy_target
-- (the 40,000 万元 issued target is a city target: on total rows only).

CREATE VIEW analyst.central_budget_project AS
SELECT x.*,
       CASE WHEN x.started THEN CASE WHEN x.start_date > x.start_deadline THEN 'started_late' ELSE 'started' END
            WHEN x.start_deadline < x.month_end THEN 'not_started_overdue'
            ELSE 'not_started' END AS start_status,
       coalesce(x.started AND x.start_date > x.start_deadline, false)
           OR (NOT x.started AND x.start_deadline < x.month_end) AS late_start
FROM (
    SELECT f.region_key, r.region_code, r.name AS region, r.sort_order, rc.city_key, rc.city,
           p.project_code, p.project_name,
           f.month_key, to_char(m.month_start, 'YYYY-MM') AS month, m.year, m.month AS month_no,
           (m.month_start + interval '1 month' - interval '1 day')::date AS month_end,
           f.plan_issued_date, extract(year FROM f.plan_issued_date)::integer AS plan_year,
           f.plan_amount_wan, f.paid_to_date_wan,
           round(f.paid_to_date_wan / nullif(f.plan_amount_wan, 0) * 100, 2) AS payment_pct,
           f.start_date, f.started AS reported_started,
           (f.plan_issued_date + make_interval(months => coalesce(t.value, 3)::integer))::date AS start_deadline,
           coalesce(f.start_date <= (m.month_start + interval '1 month' - interval '1 day')::date, f.started, false) AS started,
           f.batch_key, f.line_no
    FROM dw.fact_central_budget_month f
    JOIN dw.dim_project p ON p.region_key = f.region_key AND p.project_key = f.project_key
    JOIN dw.dim_region r ON r.region_key = f.region_key
    JOIN dw.dim_month m ON m.month_key = f.month_key
    LEFT JOIN analyst.region_city rc ON rc.region_key = f.region_key
    LEFT JOIN analyst.policy_target t ON t.target_code = 'central_budget_start_months' AND t.category = '' AND t.year = m.year
) x;
COMMENT ON VIEW analyst.central_budget_project IS '中央预算内投资：每个项目每次下达计划、每个报告期一行，含支付率与3个月内开工检查 / Central-budget investment per project plan and month, with payment rate and the start-within-3-months check';
COMMENT ON COLUMN analyst.central_budget_project.region_key IS '地区代理键 / Region key';
COMMENT ON COLUMN analyst.central_budget_project.region_code IS '地区代码 / Region code';
COMMENT ON COLUMN analyst.central_budget_project.region IS '地区 / Region';
COMMENT ON COLUMN analyst.central_budget_project.sort_order IS '地区排列顺序 / Region order';
COMMENT ON COLUMN analyst.central_budget_project.city_key IS '所属市代理键 / City key';
COMMENT ON COLUMN analyst.central_budget_project.city IS '所属市 / City';
COMMENT ON COLUMN analyst.central_budget_project.project_code IS '统一项目代码 / Project code';
COMMENT ON COLUMN analyst.central_budget_project.project_name IS '项目名称 / Project name';
COMMENT ON COLUMN analyst.central_budget_project.month_key IS '报告期 YYYYMM / Reporting month key';
COMMENT ON COLUMN analyst.central_budget_project.month IS '报告期 YYYY-MM / Reporting month';
COMMENT ON COLUMN analyst.central_budget_project.year IS '年 / Year';
COMMENT ON COLUMN analyst.central_budget_project.month_no IS '月 / Month number';
COMMENT ON COLUMN analyst.central_budget_project.month_end IS '报告期末日 / Last day of the reporting month';
COMMENT ON COLUMN analyst.central_budget_project.plan_issued_date IS '计划下达时间 / Plan issued date';
COMMENT ON COLUMN analyst.central_budget_project.plan_year IS '计划下达年份 / Year the plan was issued';
COMMENT ON COLUMN analyst.central_budget_project.plan_amount_wan IS '下达中央预算内投资（万元） / Amount issued, 10k CNY';
COMMENT ON COLUMN analyst.central_budget_project.paid_to_date_wan IS '累计支付（万元） / Paid to date, 10k CNY';
COMMENT ON COLUMN analyst.central_budget_project.payment_pct IS '支付率（%）= 累计支付 ÷ 下达金额 / Payment rate, percent';
COMMENT ON COLUMN analyst.central_budget_project.start_date IS '开工时间 / Start date';
COMMENT ON COLUMN analyst.central_budget_project.start_deadline IS '应开工期限 = 下达时间 + N 个月（N 见 policy_target central_budget_start_months） / Start deadline: issued date + N months';
COMMENT ON COLUMN analyst.central_budget_project.reported_started IS '开工时间栏以文字所填是否开工（已开工/未开工；填日期或未填为空） / Started, as the 开工时间 cell says in words (null when it gives a date or nothing)';
COMMENT ON COLUMN analyst.central_budget_project.started IS '截至报告期末已开工（有开工时间按日期，否则按所填文字） / Started by the end of the reporting month (by the start date, else as the cell says in words)';
COMMENT ON COLUMN analyst.central_budget_project.batch_key IS '来源批次 / Source batch';
COMMENT ON COLUMN analyst.central_budget_project.line_no IS '源文件行号 / Line in the source file';
COMMENT ON COLUMN analyst.central_budget_project.start_status IS '开工情况：started 按期开工 / started_late 逾期开工 / not_started_overdue 逾期未开工 / not_started 未开工（未到期限） / Start status';
COMMENT ON COLUMN analyst.central_budget_project.late_start IS '未在下达后 N 个月内开工（逾期开工或逾期未开工） / Not started within N months of the plan being issued';

CREATE VIEW analyst.central_budget_summary AS
WITH rows AS (
    SELECT 'region' AS row_kind, b.region_key, b.region_code, b.region, b.sort_order, b.city_key, b.month_key,
           b.month, b.year, b.plan_year, b.plan_amount_wan, b.paid_to_date_wan, b.project_code, b.start_status, b.late_start
    FROM analyst.central_budget_project b
    UNION ALL
    SELECT 'total', b.city_key, c.region_code, c.name || '合计', 9999, b.city_key, b.month_key,
           b.month, b.year, b.plan_year, b.plan_amount_wan, b.paid_to_date_wan, b.region_code || '/' || b.project_code,
           b.start_status, b.late_start
    FROM analyst.central_budget_project b
    JOIN dw.dim_region c ON c.region_key = b.city_key
)
SELECT s.*,
       CASE WHEN s.row_kind = 'total' THEN ti.value END AS issued_target_wan,
       CASE WHEN s.row_kind = 'total' THEN round(s.issued_this_year_wan / nullif(ti.value, 0) * 100, 2) END AS issued_completion_pct,
       round(s.paid_to_date_wan / nullif(s.plan_amount_wan, 0) * 100, 2) AS payment_pct,
       tp.value AS payment_target_pct,
       s.paid_to_date_wan / nullif(s.plan_amount_wan, 0) * 100 >= tp.value AS meets_payment_target
FROM (
    SELECT r.row_kind, r.region_key, r.region_code, r.region, r.sort_order, r.city_key, r.month_key, r.month, r.year,
           coalesce(sum(r.plan_amount_wan) FILTER (WHERE r.plan_year = r.year), 0) AS issued_this_year_wan,
           sum(r.plan_amount_wan) AS plan_amount_wan,
           coalesce(sum(r.paid_to_date_wan), 0) AS paid_to_date_wan,
           count(*)::integer AS plan_count,
           count(DISTINCT r.project_code)::integer AS project_count,
           count(*) FILTER (WHERE r.start_status IN ('started', 'started_late'))::integer AS started_count,
           count(*) FILTER (WHERE r.late_start)::integer AS late_start_count,
           count(*) FILTER (WHERE r.start_status = 'not_started_overdue')::integer AS not_started_overdue_count
    FROM rows r
    GROUP BY r.row_kind, r.region_key, r.region_code, r.region, r.sort_order, r.city_key, r.month_key, r.month, r.year
) s
LEFT JOIN analyst.policy_target ti ON ti.target_code = 'central_budget_issued_wan' AND ti.category = '' AND ti.year = s.year
LEFT JOIN analyst.policy_target tp ON tp.target_code = 'central_budget_payment_pct' AND tp.category = '' AND tp.year = s.year;
COMMENT ON VIEW analyst.central_budget_summary IS '中央预算内投资汇总：每个地区一行并有全市合计行；年度下达对 4亿元目标、支付率对 85% 目标、未按期开工个数 / Central-budget summary per region plus a city total: issued in the year against the 40,000 万元 target, payment rate against 85%, late starts';
COMMENT ON COLUMN analyst.central_budget_summary.row_kind IS '行类型 region 地区 / total 全市合计 / Row kind';
COMMENT ON COLUMN analyst.central_budget_summary.region_key IS '地区代理键（合计行为市） / Region key (the city on total rows)';
COMMENT ON COLUMN analyst.central_budget_summary.region_code IS '地区代码 / Region code';
COMMENT ON COLUMN analyst.central_budget_summary.region IS '地区（合计行为 某市合计） / Region (or the city total)';
COMMENT ON COLUMN analyst.central_budget_summary.sort_order IS '排列顺序（合计行最后） / Order (total last)';
COMMENT ON COLUMN analyst.central_budget_summary.city_key IS '所属市代理键 / City key';
COMMENT ON COLUMN analyst.central_budget_summary.month_key IS '报告期 YYYYMM / Reporting month key';
COMMENT ON COLUMN analyst.central_budget_summary.month IS '报告期 YYYY-MM / Reporting month';
COMMENT ON COLUMN analyst.central_budget_summary.year IS '年 / Year';
COMMENT ON COLUMN analyst.central_budget_summary.issued_this_year_wan IS '本年下达中央预算内投资（万元；下达时间在本年的计划） / Issued in the report year (plans issued that year), 10k CNY';
COMMENT ON COLUMN analyst.central_budget_summary.plan_amount_wan IS '所列计划下达金额合计（含往年计划，万元） / Amount of all plans listed, earlier years included, 10k CNY';
COMMENT ON COLUMN analyst.central_budget_summary.paid_to_date_wan IS '累计支付合计（万元） / Paid to date, 10k CNY';
COMMENT ON COLUMN analyst.central_budget_summary.plan_count IS '计划个数（项目 × 下达时间） / Plans (project × issued date)';
COMMENT ON COLUMN analyst.central_budget_summary.project_count IS '项目个数 / Projects';
COMMENT ON COLUMN analyst.central_budget_summary.started_count IS '已开工计划个数 / Plans whose project has started';
COMMENT ON COLUMN analyst.central_budget_summary.late_start_count IS '未在下达后 N 个月内开工的计划个数 / Plans not started within N months of issue';
COMMENT ON COLUMN analyst.central_budget_summary.not_started_overdue_count IS '逾期仍未开工的计划个数 / Plans past the deadline and still not started';
COMMENT ON COLUMN analyst.central_budget_summary.issued_target_wan IS '年度下达目标（万元，仅合计行） / Issued target for the year, total rows only, 10k CNY';
COMMENT ON COLUMN analyst.central_budget_summary.issued_completion_pct IS '年度下达目标完成率（%，仅合计行） / Issued against the target, percent, total rows only';
COMMENT ON COLUMN analyst.central_budget_summary.payment_pct IS '支付率（%）= 累计支付 ÷ 下达金额 / Payment rate, percent';
COMMENT ON COLUMN analyst.central_budget_summary.payment_target_pct IS '支付率目标（%） / Payment-rate target, percent';
COMMENT ON COLUMN analyst.central_budget_summary.meets_payment_target IS '支付率达到目标 / Payment rate meets the target';
