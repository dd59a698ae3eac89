-- After every migration (Flyway callback), run as the schema's owner: the application's role ${appRole} may read and
-- change election data, but only INSERT and SELECT on the audit log, never change the migrations' history, and never
-- own a table (so it cannot drop a trigger). Nothing is done when the application itself is the owner (one role).
do $$
declare
    app text := '${appRole}';
    o oid;
begin
    if app = '' or app = current_user or not exists (select 1 from pg_roles where rolname = app) then
        raise notice 'baucu: the application connects as the schema owner; the audit log relies on its triggers';
        return;
    end if;
    execute format('grant usage on schema %I to %I', current_schema(), app);
    execute format('grant select, insert, update, delete on all tables in schema %I to %I', current_schema(), app);
    execute format('grant usage, select, update on all sequences in schema %I to %I', current_schema(), app);
    execute format('grant execute on all functions in schema %I to %I', current_schema(), app);
    -- the audit log is append-only for the application
    execute format('revoke update, delete, truncate, references, trigger on audit_log from %I', app);
    -- a checkpoint's day, count and head are written once; a later check only says whether the chain was intact
    execute format('revoke update, delete, truncate on audit_checkpoint from %I', app);
    execute format('grant update (intact, first_broken, checked_at) on audit_checkpoint to %I', app);
    execute format('revoke insert, update, delete, truncate on flyway_schema_history from %I', app);
    -- large objects (staged uploads) made before the application had its own role
    for o in select l.oid from pg_largeobject_metadata l where l.lomowner <> (select oid from pg_roles where rolname = app) loop
        execute format('alter large object %s owner to %I', o, app);
    end loop;
end $$;
