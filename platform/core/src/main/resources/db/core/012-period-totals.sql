--liquibase formatted sql

--changeset jiaoyun:core-012-indicator-period-total
-- A bureau's total of an indicator for a period longer than a month whose months are not known
-- one by one (a summary writes 上半年 or 全年 figures): Q1..Q4, H1, H2 or Y (the whole year), in the
-- indicator's unit. Ratios keep numerator and denominator when they are known, or only the rate
-- typed. Stored as what it is: never spread over months. Which source serves a period (months,
-- these totals) is decided in PeriodTotals.
create table indicator_period_total (
    tenant_id      text not null references tenant (id) check (tenant_id <> ''),
    indicator_code text not null,
    year           integer not null check (year between 2000 and 2100),
    period         text not null check (period in ('Q1', 'Q2', 'Q3', 'Q4', 'H1', 'H2', 'Y')),
    value          numeric not null,
    numerator      numeric,
    denominator    numeric check (denominator is null or denominator > 0),
    source         text not null,
    updated_by     text not null,
    updated_at     timestamptz not null default now(),
    primary key (tenant_id, indicator_code, year, period),
    check ((numerator is null) = (denominator is null))
);
select app_apply_tenant_policies('indicator_period_total');
grant select, insert, update, delete on indicator_period_total to ${app_role};

--changeset jiaoyun:core-012-indicator-period-total-region-read
-- As indicator_value (core-006-indicator-value-region-read): a regional transaction reads the
-- period totals of published indicators of the county-level bureaus inside its region, so that a
-- ranking's quarter and year use them; ONE select policy, no OR on tenant_id, writes stay the
-- bureau's own.
drop policy indicator_period_total_read on indicator_period_total;
create policy indicator_period_total_read on indicator_period_total for select
    using (tenant_id = any (coalesce((select app_visible_bureaus()), '{}'::text[]))
           and ((select app_current_region()) is null
                or indicator_code in (select i.code from indicator i where i.published)));
