-- V021: the short names clerks write for the city's zones (issue 6 probe of all layouts).
--
-- 中马园区 — the everyday name of 中马钦州产业园区 — matched no alias: in a transfer or targets
-- sheet it became a city department receiving in the city's name (its 6,000 万元 target booked
-- to the city), in an indicator or project sheet an unknown region. The same for the other
-- zones' short names found in county and bureau sheets.

INSERT INTO dw.dim_region_alias (alias_normalized, alias, region_key)
SELECT v.alias, v.alias, r.region_key
FROM (VALUES
    ('中马园区', '450700Z02'), ('中马钦州产业园区管委会', '450700Z02'), ('中马产业园管委会', '450700Z02'),
    ('钦州高新区', '450700Z03'), ('高新区管委会', '450700Z03'),
    ('三娘湾旅游管理区', '450700Z04'), ('三娘湾旅游区', '450700Z04'),
    ('钦州港片区管委会', '450700Z01')
) AS v(alias, code)
JOIN dw.dim_region r ON r.region_code = v.code
ON CONFLICT (alias_normalized) DO NOTHING;
