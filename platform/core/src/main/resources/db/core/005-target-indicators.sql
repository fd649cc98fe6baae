--liquibase formatted sql

--changeset jiaoyun:core-005-target-indicator
-- A target fed by an indicator of the catalog: its progress is the indicator's value for the
-- year so far (e.g. 治超非现场执法处罚率在70%以上 ← overload.penalty_rate), not a typed-in figure.
-- indicator_code names a row of the platform's indicator table; it has no foreign key because
-- every key of a bureau-owned table leads with tenant_id (checked on use instead).
create table target_indicator (
    tenant_id      text not null references tenant (id) check (tenant_id <> ''),
    target_id      bigint not null,
    indicator_code text not null,
    linked_by      text not null,
    linked_at      timestamptz not null default now(),
    primary key (tenant_id, target_id),
    foreign key (tenant_id, target_id) references target (tenant_id, id) on delete cascade
);
select app_apply_tenant_policies('target_indicator');
grant select, insert, update, delete on target_indicator to ${app_role};
