--liquibase formatted sql

--changeset jiaoyun:core-010-plan-list-kind
-- 工作计划: a bureau's narrative plan imported as a PLAN list. Its items carry points only where
-- the administrator assigns them; KEY and ROUTINE items keep requiring points (trigger below).
alter table work_list drop constraint work_list_kind_check;
alter table work_list add constraint work_list_kind_check check (kind in ('KEY', 'ROUTINE', 'PLAN'));
alter table assessment_item alter column points drop not null;

--changeset jiaoyun:core-010-item-points-required splitStatements:false
-- Only an item of a PLAN list may be unscored (不计分). Runs as the caller, under row-level
-- security: the list it reads is the item's own bureau's.
create function app_item_points_required() returns trigger
    language plpgsql
as $$
begin
    if new.points is null and coalesce((select kind from work_list
                                        where tenant_id = new.tenant_id and id = new.work_list_id), '') <> 'PLAN' then
        raise exception 'assessment_item %: points are required outside a PLAN list', new.id
            using errcode = 'check_violation';
    end if;
    return new;
end
$$;
create trigger assessment_item_points_required before insert or update of points, work_list_id on assessment_item
    for each row execute function app_item_points_required();

--changeset jiaoyun:core-010-plan-item
-- Where an item stands in its plan: the enclosing section (parent_item_id, null at the top), the
-- numbering as written (一、, （二）, 3.), the depth, and who owns it: a unit or a department of
-- the bureau, chosen by the administrator after the import (null until then).
create table plan_item (
    tenant_id           text not null references tenant (id) check (tenant_id <> ''),
    item_id             bigint not null,
    parent_item_id      bigint,
    numbering           text not null default '',
    depth               smallint not null check (depth between 1 and 20),
    owner_unit_id       bigint,
    owner_department_id bigint,
    primary key (tenant_id, item_id),
    foreign key (tenant_id, item_id) references assessment_item (tenant_id, id) on delete cascade,
    foreign key (tenant_id, parent_item_id) references assessment_item (tenant_id, id),
    foreign key (tenant_id, owner_unit_id) references unit (tenant_id, id),
    foreign key (tenant_id, owner_department_id) references department (tenant_id, id),
    check (owner_unit_id is null or owner_department_id is null),
    check (parent_item_id is null or parent_item_id <> item_id)
);
create index plan_item_owner_unit_idx on plan_item (tenant_id, owner_unit_id) where owner_unit_id is not null;
create index plan_item_parent_idx on plan_item (tenant_id, parent_item_id) where parent_item_id is not null;
select app_apply_tenant_policies('plan_item');
grant select, insert, update, delete on plan_item to ${app_role};
