-- V024: 市直部门 (and 市直单位, 市级部门, 市本级部门) in a transfer sheet is the city's own part,
-- as 市本级 and 市直 are (V017), not a city department of that name (issue 6 probe of transfer
-- sheets).
--
-- The finance bureau's sheet of the counties gives the city's departments as one row, 市直部门;
-- the departments' own sheet gives them one by one. 市直部门 became a department beside 市教育局
-- and the others, and the city total added both. As the city's own row it now stands for its
-- departments in the total (analyst.transfer_growth counts a region's own row, not again its
-- departments), as a county's does.

INSERT INTO dw.dim_region_alias (alias_normalized, alias, region_key)
SELECT v.alias, v.alias, r.region_key
FROM (VALUES ('市直部门', '450700'), ('市直单位', '450700'), ('市级部门', '450700'), ('市本级部门', '450700'),
             ('钦州市直部门', '450700'), ('市直各部门', '450700')) AS v(alias, code)
JOIN dw.dim_region r ON r.region_code = v.code
ON CONFLICT (alias_normalized) DO NOTHING;
