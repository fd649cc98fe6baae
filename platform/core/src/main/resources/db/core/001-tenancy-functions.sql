--liquibase formatted sql

--changeset jiaoyun:core-001-current-tenant splitStatements:false
-- The bureau of the running transaction, or null. Set per transaction with
-- set_config('app.tenant_id', ?, true); after commit the setting reads '' which is null here:
-- outside a transaction nothing is visible (fails closed).
create function app_current_tenant() returns text
    language sql stable parallel safe
as $$ select nullif(current_setting('app.tenant_id', true), '') $$;

--changeset jiaoyun:core-001-apply-policies splitStatements:false
-- Applies the tenancy policies to a bureau-owned table: RLS enabled and forced, ONE select
-- policy (several permissive policies OR together and lose the index) and one policy per
-- write command, all on the transaction's own bureau. (select fn()) runs once per query.
-- Plugins call this from their own changelogs.
create function app_apply_tenant_policies(tbl regclass) returns void
    language plpgsql
as $$
declare
    t text := tbl::text;
    n text := replace(tbl::text, '.', '_');
begin
    execute format('alter table %s enable row level security', t);
    execute format('alter table %s force row level security', t);
    execute format('create policy %I on %s for select using (tenant_id = (select app_current_tenant()))', n || '_read', t);
    execute format('create policy %I on %s for insert with check (tenant_id = (select app_current_tenant()))', n || '_insert', t);
    execute format('create policy %I on %s for update using (tenant_id = (select app_current_tenant())) with check (tenant_id = (select app_current_tenant()))', n || '_update', t);
    execute format('create policy %I on %s for delete using (tenant_id = (select app_current_tenant()))', n || '_delete', t);
end
$$;
