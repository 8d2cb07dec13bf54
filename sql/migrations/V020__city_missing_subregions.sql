-- V020: a city summed from its sub-regions names the sub-regions that have not reported yet
-- (issue 6 probe of the layouts other than project progress).
--
-- A city without a sheet figure of its own is the sum of its sub-regions (V018). When a county
-- had not sent its sheet for the month, the sum silently left it out: the city's 钦州市 YoY and
-- target progress were computed on part of the city. A sub-region is expected when it had a
-- figure for the indicator in an earlier month of the year or in the same month last year;
-- the city's row names the expected ones without a figure (missing_subregions), and the views
-- give no YoY or progress for it, with the reason, until they report.

ALTER TABLE dw.agg_ytd_region_month ADD COLUMN missing_subregions text;
COMMENT ON COLUMN dw.agg_ytd_region_month.missing_subregions IS '由下级地区加总时尚未报送的下级地区（此前报过，本月无数）；为空表示齐全 / For a value summed from sub-regions: the sub-regions that reported before but have no figure this month; null when none is missing';

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
    -- A city summed from its sub-regions while one of them that reported before (an earlier
    -- month of the year, or this month last year) has no figure yet: name the missing ones.
    UPDATE dw.agg_ytd_region_month a SET missing_subregions = m.names
    FROM (
        SELECT c.region_key, c.indicator_key, string_agg(r.name, '、' ORDER BY r.sort_order, r.region_code) AS names
        FROM dw.agg_ytd_region_month c
        JOIN dw.dim_region r ON r.parent_key = c.region_key
        WHERE c.month_key = p_month_key AND c.source = 'sub-regions'
          AND EXISTS (SELECT 1 FROM dw.agg_ytd_region_month e
                      WHERE e.region_key = r.region_key AND e.indicator_key = c.indicator_key
                        AND (e.month_key / 100 = p_month_key / 100 AND e.month_key < p_month_key
                             OR e.month_key = p_month_key - 100))
          AND NOT EXISTS (SELECT 1 FROM dw.agg_ytd_region_month n
                          WHERE n.region_key = r.region_key AND n.indicator_key = c.indicator_key
                            AND n.month_key = p_month_key)
        GROUP BY c.region_key, c.indicator_key
    ) m
    WHERE a.region_key = m.region_key AND a.indicator_key = m.indicator_key AND a.month_key = p_month_key;
END
$$;

SELECT dw.refresh_ytd_summary(m.month_key)
FROM (SELECT DISTINCT month_key FROM dw.agg_ytd_region_month ORDER BY 1) m;
