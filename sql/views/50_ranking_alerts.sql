-- Ranking and alerts (DESIGN §6).
--
-- Ranking: regions of the same level under the same parent, by official_yoy_pct desc, ties by
-- YTD value desc; rank 1 best (computed in analyst.yoy_region, per indicator; the policy's
-- ranking is the fai one).
-- Alerts, per indicator with a growth target (fai 15, industrial 30 by default), on the
-- official rate and the rank on the same indicator:
--   praise    official ≥ rate and progress_pct ≥ 100
--   reminder  rate − official ≥ reminder_gap_pp (dw.report_setting, 10 by default)
--   interview a reminder this month and in the previous reported month (the latest earlier
--             month with an official rate for the region and indicator, last year's December for
--             a February, judged by its own year's rate; a month with a figure but no prior-year
--             base neither breaks nor makes a series), and last in the ranking this month (with
--             at least two ranked peers); replaces the reminder.
-- A region ranked alone (peer_count < 2: the city in a city's warehouse) gets no action: the
-- city does not praise, remind or interview itself.
-- The previous month is an index probe (no window over the year), so `WHERE month_key = …`
-- reaches every part of the view.

CREATE VIEW analyst.region_ranking AS
SELECT y.indicator_code, y.indicator_name, y.month_key, y.month, y.parent_key,
       p.region_code AS parent_code, p.name AS parent_region, y.level,
       y.rank, y.peer_count, y.is_last, y.region_key, y.region_code, y.region,
       y.official_yoy_pct, y.official_source, y.ytd_value_wan, y.yoy_pct, y.reported_yoy_pct
FROM analyst.yoy_region y
LEFT JOIN dw.dim_region p ON p.region_key = y.parent_key;
COMMENT ON VIEW analyst.region_ranking IS '地区排名：同级同上级地区按官方同比增速降序，相同按累计值降序（政策排名取 fai） / Region ranking among peers of the same level and parent; the policy ranking is indicator fai';
COMMENT ON COLUMN analyst.region_ranking.indicator_code IS '指标代码 / Indicator code';
COMMENT ON COLUMN analyst.region_ranking.indicator_name IS '指标名称 / Indicator name';
COMMENT ON COLUMN analyst.region_ranking.month_key IS '月份键 / Month key';
COMMENT ON COLUMN analyst.region_ranking.month IS '月份 YYYY-MM / Month';
COMMENT ON COLUMN analyst.region_ranking.parent_key IS '上级地区代理键 / Parent region key';
COMMENT ON COLUMN analyst.region_ranking.parent_code IS '上级地区代码 / Parent code';
COMMENT ON COLUMN analyst.region_ranking.parent_region IS '上级地区 / Parent region';
COMMENT ON COLUMN analyst.region_ranking.level IS '层级 / Level';
COMMENT ON COLUMN analyst.region_ranking.rank IS '名次，1 为最好 / Rank, 1 is best';
COMMENT ON COLUMN analyst.region_ranking.peer_count IS '参与排名的地区数 / Ranked peers';
COMMENT ON COLUMN analyst.region_ranking.is_last IS '是否末位 / Ranks last';
COMMENT ON COLUMN analyst.region_ranking.region_key IS '地区代理键 / Region key';
COMMENT ON COLUMN analyst.region_ranking.region_code IS '地区代码 / Region code';
COMMENT ON COLUMN analyst.region_ranking.region IS '地区名称 / Region name';
COMMENT ON COLUMN analyst.region_ranking.official_yoy_pct IS '官方同比增速（%） / Official YoY, percent';
COMMENT ON COLUMN analyst.region_ranking.official_source IS '官方增速来源 / Source of the official rate';
COMMENT ON COLUMN analyst.region_ranking.ytd_value_wan IS '本年累计（万元），并列时比较 / YTD value, the tie-breaker';
COMMENT ON COLUMN analyst.region_ranking.yoy_pct IS '计算同比增速（%） / Computed YoY';
COMMENT ON COLUMN analyst.region_ranking.reported_yoy_pct IS '报表同比增速（%） / Reported YoY';

CREATE VIEW analyst.region_alerts AS
SELECT s.region_key, s.region_code, s.region, s.level, s.parent_key, s.sort_order,
       s.indicator_key, s.indicator_code, s.indicator_name, s.month_key, s.month, s.year, s.month_no,
       s.official_yoy_pct, s.rate_pct, s.gap_pp, s.progress_pct, s.rank, s.peer_count, s.is_last,
       s.reminder_level AS is_reminder_level, s.prev_month_key,
       coalesce(s.prev_reminder_level, false) AS prev_reminder_level,
       CASE WHEN s.peer_count < 2 THEN NULL
            WHEN s.reminder_level AND s.prev_reminder_level AND s.is_last THEN 'interview'
            WHEN s.reminder_level THEN 'reminder'
            WHEN s.official_yoy_pct >= s.rate_pct AND s.progress_pct >= 100 THEN 'praise' END AS action
FROM (
    SELECT t.*, pm.month_key AS prev_month_key,
           CASE WHEN pm.month_key IS NOT NULL THEN
               coalesce(pm.rate_pct - pm.official_yoy_pct
                        >= (SELECT value FROM dw.report_setting WHERE name = 'reminder_gap_pp'), false) END AS prev_reminder_level
    FROM (
        SELECT y.region_key, y.region_code, y.region, y.level, y.parent_key, y.sort_order,
               y.indicator_key, y.indicator_code, y.indicator_name, y.month_key, y.month, y.year, y.month_no,
               y.official_yoy_pct, tp.rate_pct, round(tp.rate_pct - y.official_yoy_pct, 2) AS gap_pp,
               tp.progress_pct, y.rank, y.peer_count, y.is_last,
               coalesce(tp.rate_pct - y.official_yoy_pct
                        >= (SELECT value FROM dw.report_setting WHERE name = 'reminder_gap_pp'), false) AS reminder_level
        FROM analyst.yoy_region y
        JOIN analyst.target_progress tp
          ON tp.region_key = y.region_key AND tp.indicator_key = y.indicator_key AND tp.month_key = y.month_key
        WHERE tp.rate_pct IS NOT NULL
    ) t
    -- The previous reported month: the latest earlier month of the series, this year or last
    -- (a February's is December). Its official rate is reported, else computed as in
    -- analyst.yoy_region; its target rate is this month's within the year (the rate depends on
    -- region, indicator and year only), else last year's as analyst.target_progress takes it.
    LEFT JOIN LATERAL (
        SELECT q.month_key, q.official_yoy_pct,
               CASE WHEN q.month_key / 100 = t.year THEN t.rate_pct
                    ELSE coalesce((SELECT ta.rate_pct FROM dw.fact_target ta
                                   WHERE ta.region_key = t.region_key AND ta.department_key IS NULL
                                     AND ta.indicator_key = t.indicator_key AND ta.year = q.month_key / 100
                                     AND ta.month_no = 0),
                                  (SELECT ir.rate_pct FROM analyst.indicator_rate ir
                                   WHERE ir.indicator_key = t.indicator_key AND ir.year = q.month_key / 100)) END AS rate_pct
        FROM (
            SELECT p.month_key,
                   coalesce(p.reported_yoy_pct,
                            round((p.ytd_value_wan - coalesce(p.reported_prior_ytd_wan, ly.ytd_value_wan))
                                  / nullif(coalesce(p.reported_prior_ytd_wan, ly.ytd_value_wan), 0) * 100, 2)) AS official_yoy_pct
            FROM dw.agg_ytd_region_month p
            LEFT JOIN dw.agg_ytd_region_month ly
                   ON ly.region_key = p.region_key AND ly.indicator_key = p.indicator_key AND ly.month_key = p.month_key - 100
            WHERE p.region_key = t.region_key AND p.indicator_key = t.indicator_key
              AND p.month_key < t.month_key AND p.month_key > (t.year - 1) * 100
        ) q
        WHERE q.official_yoy_pct IS NOT NULL
        ORDER BY q.month_key DESC
        LIMIT 1
    ) pm ON true
) s;
COMMENT ON VIEW analyst.region_alerts IS '通报：表扬（达到目标增速且累计目标完成≥100%）、提醒函（低于目标增速≥10个百分点）、约谈（本月和上一报告月均达提醒且本月排名末位） / Alerts: praise, reminder letter, interview';
COMMENT ON COLUMN analyst.region_alerts.region_key IS '地区代理键 / Region key';
COMMENT ON COLUMN analyst.region_alerts.region_code IS '地区代码 / Region code';
COMMENT ON COLUMN analyst.region_alerts.region IS '地区名称 / Region name';
COMMENT ON COLUMN analyst.region_alerts.level IS '层级 / Level';
COMMENT ON COLUMN analyst.region_alerts.parent_key IS '上级地区代理键 / Parent region key';
COMMENT ON COLUMN analyst.region_alerts.sort_order IS '报表排列顺序 / Order in reports';
COMMENT ON COLUMN analyst.region_alerts.indicator_key IS '指标代理键 / Indicator key';
COMMENT ON COLUMN analyst.region_alerts.indicator_code IS '指标代码 / Indicator code';
COMMENT ON COLUMN analyst.region_alerts.indicator_name IS '指标名称 / Indicator name';
COMMENT ON COLUMN analyst.region_alerts.month_key IS '月份键 / Month key';
COMMENT ON COLUMN analyst.region_alerts.month IS '月份 YYYY-MM / Month';
COMMENT ON COLUMN analyst.region_alerts.year IS '年 / Year';
COMMENT ON COLUMN analyst.region_alerts.month_no IS '月 / Month number';
COMMENT ON COLUMN analyst.region_alerts.official_yoy_pct IS '官方同比增速（%） / Official YoY, percent';
COMMENT ON COLUMN analyst.region_alerts.rate_pct IS '目标增速（%） / Target rate, percent';
COMMENT ON COLUMN analyst.region_alerts.gap_pp IS '目标增速减官方增速（百分点） / Target rate minus official rate, pp';
COMMENT ON COLUMN analyst.region_alerts.progress_pct IS '累计目标完成率（%） / Progress against the YTD target';
COMMENT ON COLUMN analyst.region_alerts.rank IS '同指标排名 / Rank on the same indicator';
COMMENT ON COLUMN analyst.region_alerts.peer_count IS '参与排名的地区数 / Ranked peers';
COMMENT ON COLUMN analyst.region_alerts.is_last IS '是否末位 / Ranks last';
COMMENT ON COLUMN analyst.region_alerts.is_reminder_level IS '本月低于目标达提醒阈值 / Below the target by at least the reminder gap this month';
COMMENT ON COLUMN analyst.region_alerts.prev_month_key IS '上一报告月（2月为上年12月） / Previous reported month (December of last year for a February)';
COMMENT ON COLUMN analyst.region_alerts.prev_reminder_level IS '上一报告月是否达提醒阈值 / Reminder level in the previous reported month';
COMMENT ON COLUMN analyst.region_alerts.action IS '通报类型 praise 表扬 / reminder 提醒函 / interview 约谈 / 空 / Action';
