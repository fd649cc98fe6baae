-- Distribute Jiaoyun's schema on a Citus cluster, after the server has migrated it once.
-- Platform tables become reference tables; every bureau-owned table is distributed by tenant_id
-- and co-located, which the tenancy rules (tenant_id leads every key) make possible.
-- Referenced tables come before the tables whose foreign keys point at them.
select create_reference_table('tenant');
select create_reference_table('platform_account');
select create_reference_table('platform_audit_event');

select create_distributed_table('unit', 'tenant_id');
select create_distributed_table('department', 'tenant_id', colocate_with => 'unit');
select create_distributed_table('tenant_module', 'tenant_id', colocate_with => 'unit');
select create_distributed_table('app_user', 'tenant_id', colocate_with => 'unit');
select create_distributed_table('role_grant', 'tenant_id', colocate_with => 'unit');
select create_distributed_table('audit_event', 'tenant_id', colocate_with => 'unit');

-- Tables added by later releases and by plugins: every table with a tenant_id column that is
-- not distributed yet, co-located with the rest.
do $$
declare t record;
begin
  for t in
    select c.relname from pg_class c
    join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
    join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id'
    where c.relkind = 'r'
      and not exists (select 1 from pg_dist_partition p where p.logicalrelid = c.oid)
    order by c.oid
  loop
    perform create_distributed_table(t.relname, 'tenant_id', colocate_with => 'unit');
  end loop;
end $$;
