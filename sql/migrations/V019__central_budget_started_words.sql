-- V019: a central-budget sheet's 开工时间 may say in words whether the project has started
-- (已开工 when the clerk does not know the day, 未开工 or 拟10月开工 before it starts); those
-- rows were rejected as "not a date". The fact keeps the words' answer beside the date, as the
-- special-bond fact does (V004); analyst.central_budget_project counts a plan started by its
-- date when it has one, else by the words.

ALTER TABLE dw.fact_central_budget_month ADD COLUMN started boolean;
COMMENT ON COLUMN dw.fact_central_budget_month.started IS '开工时间栏以文字所填是否开工（已开工/未开工；填日期或未填为空） / Started, as the 开工时间 cell says in words (null when it gives a date or nothing)';
COMMENT ON COLUMN dw.fact_central_budget_month.start_date IS '开工时间（未开工或只填“已开工”为空） / Start date, null when not started or when the cell only says 已开工';

ALTER TABLE etl.stage_central_budget ADD COLUMN started boolean;
