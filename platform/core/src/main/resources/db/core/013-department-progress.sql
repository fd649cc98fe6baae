--liquibase formatted sql

--changeset jiaoyun:core-013-department-progress
-- 进度填报 by a department: a plan item owned by a department (plan_item.owner_department_id) is
-- reported on by that department. A report names exactly one owner, a unit or a department.
alter table progress_report alter column unit_id drop not null;
alter table progress_report add column department_id bigint;
alter table progress_report add constraint progress_report_department_fk
    foreign key (tenant_id, department_id) references department (tenant_id, id);
alter table progress_report add constraint progress_report_one_owner_check
    check (num_nonnulls(unit_id, department_id) = 1);
alter table progress_report add constraint progress_report_department_period_key
    unique (tenant_id, item_id, department_id, period);
create index plan_item_owner_department_idx on plan_item (tenant_id, owner_department_id)
    where owner_department_id is not null;
