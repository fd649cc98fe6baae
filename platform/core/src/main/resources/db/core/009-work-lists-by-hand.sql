--liquibase formatted sql

--changeset jiaoyun:core-009-work-list-expected-points
-- What the bureau expects a list's items to add up to (a unit's key list is usually 100 分).
-- Null when the bureau has not said: then any total is accepted.
alter table work_list add column expected_points numeric(7, 2) check (expected_points > 0);

--changeset jiaoyun:core-009-deduction-rule-origin
-- Deduction rules read from an item's text (EXTRACTED) or added by a person (USER). As with
-- targets, a person's correction or removal of a read rule keeps the read one suppressed, so that
-- editing or re-importing the text does not bring it back.
alter table deduction_rule add column origin text not null default 'EXTRACTED'
    check (origin in ('EXTRACTED', 'USER'));
alter table deduction_rule add column suppressed boolean not null default false;
