-- Stalled projects (停工项目), from project-progress sheets (status 停工, 停工原因, 计划复工时间).
--
-- "The list" of year y at report month m: every project that reported status 停工 in some month
-- of y up to m. listed_month = the first such month (when the project was put on the list).
-- restarted = the project's status in m is not 停工 after its last 停工 month; restarted_month
-- = the first month after that last stall with another status. A project shows in month m
-- only when it reported in m (a project missing from a sheet is not counted either way).
-- restart_overdue = still stalled in m and its planned restart month is before m.
-- The list is computed by the loader per region and year (dw.refresh_stalled_projects, V008)
-- into dw.agg_stalled_project_month; these views read it. The summary carries the project's
-- current code, name and department (V013), so the list needs no probe of dim_project.

CREATE VIEW analyst.stalled_project AS
SELECT x.region_key, r.region_code, r.name AS region, r.sort_order, rc.city_key,
       x.project_code, x.project_name, d.name AS department,
       x.month_key, to_char(m.month_start, 'YYYY-MM') AS month, (x.month_key / 100)::integer AS year,
       x.listed_month_key, to_char(to_date(x.listed_month_key::text, 'YYYYMM'), 'YYYY-MM') AS listed_month,
       x.last_stalled_month_key, x.status, x.is_stalled,
       x.stall_reason, x.planned_restart,
       to_char(x.planned_restart, 'YYYY-MM') AS planned_restart_month,
       x.restarted_month_key IS NOT NULL AS restarted,
       x.restarted_month_key,
       to_char(to_date(x.restarted_month_key::text, 'YYYYMM'), 'YYYY-MM') AS restarted_month,
       x.is_stalled AND x.planned_restart < m.month_start AS restart_overdue
FROM dw.agg_stalled_project_month x
JOIN dw.dim_month m ON m.month_key = x.month_key
JOIN dw.dim_region r ON r.region_key = x.region_key
LEFT JOIN analyst.region_city rc ON rc.region_key = x.region_key
LEFT JOIN dw.dim_department d ON d.department_key = x.department_key;
COMMENT ON VIEW analyst.stalled_project IS '停工项目清单：本年出现过停工状态的项目在每个报告期一行，含列入月份、停工原因、计划复工时间、是否已复工 / Stalled-project list: every project that was 停工 in the year, one row per later report month, with the month it was listed, reason, planned restart and whether it restarted';
COMMENT ON COLUMN analyst.stalled_project.region_key IS '地区代理键 / Region key';
COMMENT ON COLUMN analyst.stalled_project.region_code IS '地区代码 / Region code';
COMMENT ON COLUMN analyst.stalled_project.region IS '地区 / Region';
COMMENT ON COLUMN analyst.stalled_project.sort_order IS '地区排列顺序 / Region order';
COMMENT ON COLUMN analyst.stalled_project.city_key IS '所属市代理键 / City key';
COMMENT ON COLUMN analyst.stalled_project.project_code IS '统一项目代码 / Project code';
COMMENT ON COLUMN analyst.stalled_project.project_name IS '项目名称 / Project name';
COMMENT ON COLUMN analyst.stalled_project.department IS '责任单位 / Responsible department';
COMMENT ON COLUMN analyst.stalled_project.month_key IS '报告期 YYYYMM / Reporting month key';
COMMENT ON COLUMN analyst.stalled_project.month IS '报告期 YYYY-MM / Reporting month';
COMMENT ON COLUMN analyst.stalled_project.year IS '年 / Year';
COMMENT ON COLUMN analyst.stalled_project.listed_month_key IS '列入清单月份 YYYYMM（本年首次报停工） / Month put on the list (first 停工 of the year)';
COMMENT ON COLUMN analyst.stalled_project.listed_month IS '列入清单月份 YYYY-MM / Month put on the list';
COMMENT ON COLUMN analyst.stalled_project.last_stalled_month_key IS '截至报告期最近一次报停工的月份 / Latest month reported 停工, up to this month';
COMMENT ON COLUMN analyst.stalled_project.status IS '本报告期状态 / Status this month';
COMMENT ON COLUMN analyst.stalled_project.is_stalled IS '本报告期仍停工 / Still stalled this month';
COMMENT ON COLUMN analyst.stalled_project.stall_reason IS '停工原因（最近一次停工时所填） / Reason, as given at the latest stall';
COMMENT ON COLUMN analyst.stalled_project.planned_restart IS '计划复工时间（最近一次停工时所填） / Planned restart, as given at the latest stall';
COMMENT ON COLUMN analyst.stalled_project.planned_restart_month IS '计划复工月份 YYYY-MM / Planned restart month';
COMMENT ON COLUMN analyst.stalled_project.restarted IS '已复工（最近一次停工之后状态不再是停工） / Restarted: a status other than 停工 after the latest stall';
COMMENT ON COLUMN analyst.stalled_project.restarted_month_key IS '复工月份 YYYYMM / Month key it restarted';
COMMENT ON COLUMN analyst.stalled_project.restarted_month IS '复工月份 YYYY-MM / Month it restarted';
COMMENT ON COLUMN analyst.stalled_project.restart_overdue IS '仍停工且已过计划复工月份 / Still stalled after its planned restart month';

-- Counts per region and month are kept by the loader with the list (dw.agg_stalled_region_month,
-- V025: counting the month's whole list here was 24 ms at ten million facts); each region row
-- is counted again into its city's total. A plain GROUP BY, so a filter on month_key reaches
-- the summary's index (GROUPING SETS or a UNION of two scans would not).
CREATE VIEW analyst.stalled_region AS
SELECT s.row_kind, r.region_key, r.region_code,
       CASE WHEN s.row_kind = 'total' THEN r.name || '合计' ELSE r.name END AS region,
       CASE WHEN s.row_kind = 'total' THEN 9999 ELSE r.sort_order END AS sort_order,
       s.city_key, s.month_key, to_char(m.month_start, 'YYYY-MM') AS month, (s.month_key / 100)::integer AS year,
       s.listed_count, s.stalled_count, s.restarted_count, s.restart_overdue_count, s.newly_listed_count
FROM (
    SELECT k.row_kind, CASE WHEN k.row_kind = 'total' THEN rc.city_key ELSE c.region_key END AS region_key,
           rc.city_key, c.month_key,
           sum(c.listed_count)::integer AS listed_count, sum(c.stalled_count)::integer AS stalled_count,
           sum(c.restarted_count)::integer AS restarted_count, sum(c.restart_overdue_count)::integer AS restart_overdue_count,
           sum(c.newly_listed_count)::integer AS newly_listed_count
    FROM dw.agg_stalled_region_month c
    LEFT JOIN analyst.region_city rc ON rc.region_key = c.region_key
    CROSS JOIN (VALUES ('region'), ('total')) AS k(row_kind)
    WHERE k.row_kind = 'region' OR rc.city_key IS NOT NULL
    GROUP BY k.row_kind, 2, rc.city_key, c.month_key
) s
JOIN dw.dim_region r ON r.region_key = s.region_key
JOIN dw.dim_month m ON m.month_key = s.month_key;
COMMENT ON VIEW analyst.stalled_region IS '停工项目按地区汇总（另有全市合计行）：清单项目数、仍停工、已复工、逾期未复工 / Stalled projects per region plus a city total: listed, still stalled, restarted since listed, overdue restarts';
COMMENT ON COLUMN analyst.stalled_region.row_kind IS '行类型 region 地区 / total 全市合计 / Row kind';
COMMENT ON COLUMN analyst.stalled_region.region_key IS '地区代理键（合计行为市） / Region key (the city on total rows)';
COMMENT ON COLUMN analyst.stalled_region.region_code IS '地区代码 / Region code';
COMMENT ON COLUMN analyst.stalled_region.region IS '地区 / Region';
COMMENT ON COLUMN analyst.stalled_region.sort_order IS '排列顺序（合计行最后） / Order (total last)';
COMMENT ON COLUMN analyst.stalled_region.city_key IS '所属市代理键 / City key';
COMMENT ON COLUMN analyst.stalled_region.month_key IS '报告期 YYYYMM / Reporting month key';
COMMENT ON COLUMN analyst.stalled_region.month IS '报告期 YYYY-MM / Reporting month';
COMMENT ON COLUMN analyst.stalled_region.year IS '年 / Year';
COMMENT ON COLUMN analyst.stalled_region.listed_count IS '清单项目数（本年报过停工且本月有报） / Projects on the list that reported this month';
COMMENT ON COLUMN analyst.stalled_region.stalled_count IS '本月仍停工 / Still stalled this month';
COMMENT ON COLUMN analyst.stalled_region.restarted_count IS '列入清单以来已复工 / Restarted since listed';
COMMENT ON COLUMN analyst.stalled_region.restart_overdue_count IS '已过计划复工月份仍停工 / Still stalled after the planned restart month';
COMMENT ON COLUMN analyst.stalled_region.newly_listed_count IS '本月新列入 / Listed this month';
