--liquibase formatted sql

--changeset port-throughput:002-throughput
-- 港口货物吞吐量: one operating area's tonnes of one cargo class in one direction in one month.
-- Containers (CONTAINER) also carry their TEU. A missing row of an area that reported the month
-- is zero; an area without any row for a month has not reported (the month is unknown).
create table pt_throughput (
    tenant_id   text not null references tenant (id) check (tenant_id <> ''),
    area_id     bigint not null,
    month       date not null check (extract(day from month) = 1),
    cargo_class text not null check (cargo_class ~ '^[A-Z_]{2,30}$'),
    direction   text not null check (direction in ('IN', 'OUT')),
    wan_tonnes  numeric(14, 4) not null check (wan_tonnes >= 0),
    teu         integer check (teu >= 0),
    source      text,
    updated_at  timestamptz not null default now(),
    primary key (tenant_id, area_id, month, cargo_class, direction),
    foreign key (tenant_id, area_id) references pt_area (tenant_id, id),
    check ((cargo_class = 'CONTAINER') = (teu is not null))
);
create index pt_throughput_month_idx on pt_throughput (tenant_id, month);
select app_apply_tenant_policies('pt_throughput');
grant select, insert, update, delete on pt_throughput to ${app_role};

--changeset port-throughput:002-water
-- 水路运输: the bureau's monthly water freight (万吨), ton-km (万吨公里) and road-to-water shift
-- (公转水, 万吨). A null column is an unknown figure, never zero.
create table pt_water_transport (
    tenant_id                text not null references tenant (id) check (tenant_id <> ''),
    month                    date not null check (extract(day from month) = 1),
    freight_wan_tonnes       numeric(14, 4) check (freight_wan_tonnes >= 0),
    turnover_wan_tonne_km    numeric(16, 4) check (turnover_wan_tonne_km >= 0),
    road_to_water_wan_tonnes numeric(14, 4) check (road_to_water_wan_tonnes >= 0),
    source                   text,
    updated_at               timestamptz not null default now(),
    primary key (tenant_id, month)
);
select app_apply_tenant_policies('pt_water_transport');
grant select, insert, update, delete on pt_water_transport to ${app_role};
