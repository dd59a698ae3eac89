-- The audit log refuses TRUNCATE as well as UPDATE and DELETE (a statement trigger: even the owner must first drop it,
-- which the application's role cannot, ADR 0014)
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_append_only();

-- statistics for the planner inside the demo set's one loading transaction (it sees that transaction's own rows);
-- ANALYZE needs the tables' owner, so the application calls this function, which runs as the owner
create function baucu_analyze_demo() returns void language plpgsql security definer set search_path = public as $$
begin
    analyze resident, voter_list, voter_entry, voter_change, candidate, contest, admin_unit;
end $$;
