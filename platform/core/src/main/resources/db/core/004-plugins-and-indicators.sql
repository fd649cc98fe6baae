--liquibase formatted sql

--changeset jiaoyun:core-004-plugin-module
-- Installed plugin modules, their jars and cluster-wide state. Platform-owned: every node reads it
-- to load the same jar; it holds no bureau's data. A removed module keeps its row (state REMOVED,
-- jar cleared) so that its tables and its history stay known until a purge.
create table plugin_module (
    id               text primary key check (id ~ '^[a-z][a-z0-9-]{1,62}$'),
    version          text not null,
    state            text not null check (state in ('ACTIVE', 'FAILED', 'REMOVED')),
    failure_reason   text,
    requires         text,
    dependencies     text,
    sha256           text not null check (sha256 ~ '^[0-9a-f]{64}$'),
    size_bytes       bigint not null,
    jar              bytea,
    signed_by        text,
    tables           text[] not null default '{}',
    reference_tables text[] not null default '{}',
    installed_by     text not null,
    installed_at     timestamptz not null default now(),
    updated_by       text not null,
    updated_at       timestamptz not null default now(),
    check (state = 'REMOVED' or jar is not null)
);
grant select, insert, update, delete on plugin_module to ${app_role};

--changeset jiaoyun:core-004-indicator
-- The indicator catalog: core indicators and those modules add. Platform-owned reference data.
create table indicator (
    code        text primary key check (code ~ '^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$'),
    name_zh     text not null check (btrim(name_zh) <> ''),
    name_en     text not null,
    unit        text not null,
    aggregation text not null check (aggregation in ('SUM', 'AVERAGE', 'LAST', 'RATIO')),
    direction   text not null check (direction in ('HIGHER', 'LOWER')),
    published   boolean not null default false,
    module_id   text references plugin_module (id) on delete cascade,
    updated_at  timestamptz not null default now()
);
grant select, insert, update, delete on indicator to ${app_role};

--changeset jiaoyun:core-004-indicator-value
-- A bureau's value of an indicator for one month. Ratios keep numerator and denominator so that
-- quarters and years are recomputed, not averaged. A missing row is an unknown value.
create table indicator_value (
    tenant_id      text not null references tenant (id) check (tenant_id <> ''),
    indicator_code text not null,
    month          date not null check (extract(day from month) = 1),
    value          numeric,
    numerator      numeric,
    denominator    numeric,
    source         text not null,
    updated_at     timestamptz not null default now(),
    primary key (tenant_id, indicator_code, month)
);
select app_apply_tenant_policies('indicator_value');
grant select, insert, update, delete on indicator_value to ${app_role};

--changeset jiaoyun:core-004-temporary-tables splitStatements:false
-- Session-local temporary tables for bulk loads: PostgreSQL refuses COPY into a table with
-- row-level security, so modules COPY into a temporary table (visible to their session only)
-- and insert from it into their bureau-owned tables, where the policies apply as usual.
do $$ begin
    execute format('grant temporary on database %I to %I', current_database(), '${app_role}');
end $$;
