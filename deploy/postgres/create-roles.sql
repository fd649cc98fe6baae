-- Run once as a PostgreSQL superuser before the first start against an external server.
-- Replace the passwords. The server migrates the schema itself as jiaoyun_owner.
create role jiaoyun_owner login nosuperuser nobypassrls nocreaterole nocreatedb password 'change-me-owner';
create role jiaoyun_app login nosuperuser nobypassrls nocreaterole nocreatedb noinherit password 'change-me-app';
create database jiaoyun owner jiaoyun_owner encoding 'UTF8' template template0;
\connect jiaoyun
alter schema public owner to jiaoyun_owner;
revoke create on schema public from public;
revoke all on database jiaoyun from public;
grant connect on database jiaoyun to jiaoyun_owner, jiaoyun_app;
grant usage on schema public to jiaoyun_app;
