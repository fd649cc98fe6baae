--liquibase formatted sql

--changeset rural-roads:002-project-code
-- 项目编号: the code a bureau's spreadsheet gives a project, optional; unique within a year when given.
alter table rr_project add column code text check (code is null or btrim(code) <> '');
create unique index rr_project_code_idx on rr_project (tenant_id, year, code) where code is not null;

--changeset rural-roads:002-project-month
-- 项目月报: what a project achieved in one month (km and 万元). A month with a row is reported, one
-- without is unknown; the project's completed_km and invested_wan_yuan are the sums of its rows.
create table rr_project_month (
    tenant_id  text not null references tenant (id) check (tenant_id <> ''),
    project_id bigint not null,
    month      date not null check (extract(day from month) = 1),
    km         numeric(9, 3) not null default 0 check (km >= 0),
    wan_yuan   numeric(14, 2) not null default 0 check (wan_yuan >= 0),
    source     text,
    updated_at timestamptz not null default now(),
    primary key (tenant_id, project_id, month),
    foreign key (tenant_id, project_id) references rr_project (tenant_id, id) on delete cascade
);
create index rr_project_month_month_idx on rr_project_month (tenant_id, month);
select app_apply_tenant_policies('rr_project_month');
grant select, insert, update, delete on rr_project_month to ${app_role};
