-- V018: a city whose figure is the sum of its sub-regions takes the sum of their reported
-- comparable priors as its own, when every one of them gave one (issue 6 probe of reports).
--
-- In a warehouse's first year there is no stored last year: the counties' sheets carry 上年同期,
-- so each county has a YoY, but the city (the sum of its counties) had none — the bulletin's
-- headline read "同比增长 无数据" all year. The rule is DESIGN §6's ("the reported comparable
-- prior-year value if the sheet gave one"), the city's sheet being its counties' rows. A sub-region
-- counted from its projects (no prior) leaves the city on last year's stored value, as before.
-- Every month already summarised is recomputed.

CREATE OR REPLACE FUNCTION dw.refresh_ytd_summary(p_month_key integer)
RETURNS void LANGUAGE plpgsql SET jit = off AS $$
BEGIN
    DELETE FROM dw.agg_ytd_region_month WHERE month_key = p_month_key;
    INSERT INTO dw.agg_ytd_region_month
        (region_key, indicator_key, month_key, ytd_value_wan, reported_prior_ytd_wan, reported_yoy_pct, source)
    WITH RECURSIVE closure (ancestor_key, descendant_key) AS (
        SELECT region_key, region_key FROM dw.dim_region
        UNION ALL
        SELECT c.ancestor_key, r.region_key FROM closure c JOIN dw.dim_region r ON r.parent_key = c.descendant_key
    ),
    s AS (SELECT * FROM dw.fact_region_indicator_month WHERE month_key = p_month_key),
    a AS (SELECT * FROM dw.agg_project_region_month WHERE month_key = p_month_key)
    SELECT v.region_key, v.indicator_key, v.month_key, v.ytd_value_wan, v.reported_prior_ytd_wan,
           v.reported_yoy_pct, v.source
    FROM (
        SELECT x.region_key, x.indicator_key, x.month_key,
               CASE WHEN bool_or(x.kind = 's' AND x.v IS NOT NULL) THEN max(x.v) FILTER (WHERE x.kind = 's')
                    ELSE sum(x.v) FILTER (WHERE x.kind IN ('p', 'c')) END AS ytd_value_wan,
               -- The city's own sheet's prior; else, when its value is its sub-regions' sum and
               -- every one of them reported a comparable prior, the sum of those priors.
               CASE WHEN bool_or(x.kind = 's' AND x.v IS NOT NULL) THEN max(x.prior) FILTER (WHERE x.kind = 's')
                    WHEN bool_or(x.kind = 'c') AND count(*) FILTER (WHERE x.kind = 'c') = count(x.prior) FILTER (WHERE x.kind = 'c')
                    THEN sum(x.prior) FILTER (WHERE x.kind = 'c') END AS reported_prior_ytd_wan,
               max(x.yoy) FILTER (WHERE x.kind = 's') AS reported_yoy_pct,
               CASE WHEN bool_or(x.kind = 's' AND x.v IS NOT NULL) THEN 'indicator-summary'
                    WHEN bool_or(x.kind = 'c') THEN 'sub-regions'
                    ELSE 'project-progress' END AS source
        FROM (
            SELECT f.region_key, f.indicator_key, f.month_key, 's' AS kind, f.ytd_value_wan AS v,
                   f.prior_ytd_value_wan AS prior, f.reported_yoy_pct AS yoy
            FROM s f
            UNION ALL
            SELECT a.region_key, a.indicator_key, a.month_key, 'p', a.ytd_completed_wan, NULL, NULL
            FROM a
            UNION ALL
            SELECT r.parent_key, f.indicator_key, f.month_key, 'c', f.ytd_value_wan, f.prior_ytd_value_wan, NULL
            FROM s f
            JOIN dw.dim_region r ON r.region_key = f.region_key
            JOIN dw.dim_region p ON p.region_key = r.parent_key AND p.level = 'city'
            WHERE f.ytd_value_wan IS NOT NULL
            UNION ALL
            SELECT r.parent_key, a.indicator_key, a.month_key, 'c', a.ytd_completed_wan, NULL, NULL
            FROM a
            JOIN closure c ON c.descendant_key = a.region_key
            JOIN dw.dim_region r ON r.region_key = c.ancestor_key
            JOIN dw.dim_region p ON p.region_key = r.parent_key AND p.level = 'city'
            WHERE NOT EXISTS (
                  SELECT 1 FROM s
                  WHERE s.region_key = c.ancestor_key AND s.indicator_key = a.indicator_key
                    AND s.ytd_value_wan IS NOT NULL)
        ) x
        GROUP BY x.region_key, x.indicator_key, x.month_key
    ) v
    WHERE v.ytd_value_wan IS NOT NULL;
END
$$;


SELECT dw.refresh_ytd_summary(m.month_key)
FROM (SELECT DISTINCT month_key FROM dw.agg_ytd_region_month) m;
