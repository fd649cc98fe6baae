--liquibase formatted sql

--changeset overload-enforcement:002-gross-limit
-- Reference data, the same for every bureau and versioned with the module: the gross-mass limits
-- of 《超限运输车辆行驶公路管理规定》(2016) Art. 3. The application may only read it.
create table oe_gross_limit (
    axles             integer not null check (axles between 2 and 6),
    kind              text not null check (kind in ('ANY', 'TRUCK', 'COMBINATION')),
    single_drive_axle boolean not null default false,
    limit_kg          integer not null check (limit_kg > 0),
    note              text not null,
    primary key (axles, kind, single_drive_axle)
);
insert into oe_gross_limit (axles, kind, single_drive_axle, limit_kg, note) values
    (2, 'ANY',         false, 18000, '二轴货车'),
    (3, 'TRUCK',       false, 25000, '三轴货车'),
    (3, 'COMBINATION', false, 27000, '三轴汽车列车'),
    (4, 'TRUCK',       false, 31000, '四轴货车'),
    (4, 'COMBINATION', false, 36000, '四轴汽车列车'),
    (5, 'COMBINATION', false, 43000, '五轴汽车列车'),
    (6, 'COMBINATION', false, 49000, '六轴及六轴以上汽车列车'),
    (6, 'COMBINATION', true,  46000, '六轴及六轴以上汽车列车，牵引车驱动轴为单轴');
grant select on oe_gross_limit to ${app_role};
