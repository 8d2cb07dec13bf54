-- V017: 市直 names the city, as 市本级 does (issue 6 probe of county sheets).
--
-- A city-wide project sheet books the city's own projects under 县区 = 市直 as often as under
-- 市本级; 市直 matched no alias, so those rows were rejected as an unknown region. In indicator
-- and targets sheets the reader still skips 市直 and 市本级 rows as the city's own part (the
-- city's figure is its 全市 row); in transfer sheets both are the city receiving in its name.

INSERT INTO dw.dim_region_alias (alias_normalized, alias, region_key)
SELECT v.alias, v.alias, r.region_key
FROM (VALUES ('市直', '450700'), ('钦州市直', '450700'), ('市直属', '450700')) AS v(alias, code)
JOIN dw.dim_region r ON r.region_code = v.code
ON CONFLICT (alias_normalized) DO NOTHING;
