-- V023: the office that sent a batch's sheet, as its title rows say (填报单位：钦州市交通运输局,
-- or a title beginning with the office), so that two offices' sheets of one scope are not taken
-- for a revision of each other (issue 6 probe of project sheets).
--
-- The transport bureau's project sheet and the reform commission's city list of key projects,
-- same month, shared three projects: three of five and three of six passed the "restates at
-- least half" test, so whichever loaded second superseded the other and deleted its projects
-- (99,000 万元 of the city's largest in one order). A sheet sent by another office than an
-- earlier one of its scope never revises it (the latest figure of a shared project wins).

ALTER TABLE etl.load_batch ADD COLUMN sender text;
COMMENT ON COLUMN etl.load_batch.sender IS '报送单位（取自标题行：填报单位/制表单位，或以单位名开头的标题）；未写明为空 / The office that sent the sheet, from its title rows; null when they do not say';
