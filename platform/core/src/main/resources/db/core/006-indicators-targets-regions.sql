--liquibase formatted sql

--changeset jiaoyun:core-006-core-indicators
-- The platform's own indicators, those every bureau reports whatever modules it runs. Modules add
-- theirs under their own prefixes (overload., rural., port.); core codes never take a module's.
insert into indicator (code, name_zh, name_en, unit, aggregation, direction, published) values
    ('invest.effective',        '交通有效投资',         'Effective transport investment',   '万元',     'SUM',   'HIGHER', true),
    ('invest.key_projects',     '重点项目完成投资',     'Key-project investment completed', '万元',     'SUM',   'HIGHER', true),
    ('transport.passengers',    '客运量',               'Passengers carried',               '万人',     'SUM',   'HIGHER', true),
    ('transport.passenger_km',  '旅客周转量',           'Passenger-kilometres',             '万人公里', 'SUM',   'HIGHER', true),
    ('transport.freight',       '货运量',               'Freight carried',                  '万吨',     'SUM',   'HIGHER', true),
    ('transport.ton_km',        '货物周转量',           'Ton-kilometres',                   '万吨公里', 'SUM',   'HIGHER', true),
    ('enforcement.cases',       '行政处罚案件',         'Administrative penalty cases',     '件',       'SUM',   'HIGHER', true),
    ('enforcement.fines',       '罚没款',               'Fines collected',                  '万元',     'SUM',   'HIGHER', false),
    ('enforcement.non_site_share', '非现场执法案件占比', 'Share of non-site cases',         '%',        'RATIO', 'HIGHER', true),
    ('approvals.handled',       '行政审批办件量',       'Approvals handled',                '件',       'SUM',   'HIGHER', true),
    ('approvals.on_time_rate',  '审批按时办结率',       'Approvals on time',                '%',        'RATIO', 'HIGHER', true),
    ('safety.hazards_found',    '排查安全隐患',         'Safety hazards found',             '处',       'SUM',   'HIGHER', true),
    ('safety.hazards_rectified','整改安全隐患',         'Safety hazards rectified',         '处',       'SUM',   'HIGHER', true),
    ('safety.rectification_rate','隐患整改率',          'Hazard rectification rate',        '%',        'RATIO', 'HIGHER', true),
    ('safety.deaths',           '生产安全事故死亡人数', 'Deaths in work-safety accidents',  '人',       'SUM',   'LOWER',  true),
    ('bus.ridership',           '城市公交客运量',       'Urban bus ridership',              '万人次',   'SUM',   'HIGHER', true),
    ('bus.share',               '公交分担率',           'Public transport mode share',      '%',        'AVERAGE', 'HIGHER', false)
on conflict (code) do nothing;

--changeset jiaoyun:core-006-indicator-target
-- A bureau's annual target for an indicator (年度目标), in the indicator's unit: the basis of
-- 完成年度计划 xx%.
create table indicator_target (
    tenant_id      text not null references tenant (id) check (tenant_id <> ''),
    indicator_code text not null,
    year           integer not null check (year between 2000 and 2100),
    value          numeric not null,
    updated_by     text not null,
    updated_at     timestamptz not null default now(),
    primary key (tenant_id, indicator_code, year)
);
select app_apply_tenant_policies('indicator_target');
grant select, insert, update, delete on indicator_target to ${app_role};

--changeset jiaoyun:core-006-indicator-value-withheld
-- A month can be known to be withheld (脱敏/未公开): the row stays, the value stays unknown, and the
-- reason says why, so that an empty cell is never mistaken for a zero nor for a forgotten entry.
alter table indicator_value add column withheld boolean not null default false;
alter table indicator_value add constraint indicator_value_withheld_unknown check (not withheld or value is null);

--changeset jiaoyun:core-006-region-setting
-- What a region (330600 绍兴市, 330000 浙江省) lets its bureaus see of its comparisons.
create table region_setting (
    region_code      text primary key check (region_code ~ '^[0-9]{6}$'),
    bureaus_see_rank boolean not null default false,
    updated_by       text not null,
    updated_at       timestamptz not null default now()
);
grant select, insert, update on region_setting to ${app_role};

--changeset jiaoyun:core-006-region-functions splitStatements:false
-- The region of the running transaction (set transaction-locally with
-- set_config('app.region_code', ?, true) for a regional analyst, never for a bureau's work), or null.
create function app_current_region() returns text
    language sql stable parallel safe
as $$ select nullif(current_setting('app.region_code', true), '') $$;

-- The leading digits shared by every division inside a region code: 330000 → 33, 330600 → 3306,
-- 330681 → 330681.
create function app_region_prefix(region text) returns text
    language sql immutable parallel safe
as $$ select case when region ~ '^[0-9]{2}0000$' then left(region, 2)
                  when region ~ '^[0-9]{4}00$' then left(region, 4)
                  else region end $$;

-- The county-level bureaus inside the transaction's region (null outside a regional transaction):
-- the peers a region compares. The region's own bureau (a city's 市局) is not its own peer.
create function app_region_bureaus() returns text[]
    language sql stable parallel safe
as $$ select array_agg(t.id order by t.id) from tenant t
      where app_current_region() is not null
        and t.region_code like app_region_prefix(app_current_region()) || '%'
        and t.region_code <> app_current_region()
        and t.level in ('COUNTY_CITY', 'DISTRICT', 'COUNTY') $$;

-- The indicators a region may compare.
create function app_published_indicators() returns text[]
    language sql stable parallel safe
as $$ select array_agg(code) from indicator where published and app_current_region() is not null $$;

--changeset jiaoyun:core-006-visible-bureaus splitStatements:false
-- The bureaus whose indicator rows the transaction may read: its own bureau, or in a regional
-- transaction the county-level bureaus of the region; null (nothing) otherwise.
create function app_visible_bureaus() returns text[]
    language sql stable parallel safe
as $$ select case when app_current_region() is not null then app_region_bureaus()
                  when app_current_tenant() is not null then array[app_current_tenant()] end $$;

--changeset jiaoyun:core-006-indicator-value-region-read
-- A regional transaction reads the published indicators (values and annual targets) of the
-- bureaus inside its region, and nothing else: no other table lets it in, and these keep their
-- bureau-only write policies. It stays ONE select policy per table (the tenancy rules) and
-- without an OR on tenant_id, so that both a bureau's reads and a region's use the primary key
-- (tenant_id = any of one bureau, or of the region's bureaus), index-only where the index covers.
-- Publication is checked against a hashed set of the published codes, once per row in a region,
-- never in a bureau's own transaction.
drop policy indicator_value_read on indicator_value;
create policy indicator_value_read on indicator_value for select
    using (tenant_id = any (coalesce((select app_visible_bureaus()), '{}'::text[]))
           and ((select app_current_region()) is null
                or indicator_code in (select i.code from indicator i where i.published)));
drop policy indicator_target_read on indicator_target;
create policy indicator_target_read on indicator_target for select
    using (tenant_id = any (coalesce((select app_visible_bureaus()), '{}'::text[]))
           and ((select app_current_region()) is null
                or indicator_code in (select i.code from indicator i where i.published)));
-- the monthly figures a ranking aggregates, readable from the index alone
create unique index indicator_value_figures_idx on indicator_value (tenant_id, indicator_code, month)
    include (value, numerator, denominator, withheld);
