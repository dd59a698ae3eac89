-- voter-list import speed (issue: hardening, ADR 0007). A row of voter_entry fired two foreign-key triggers (each an
-- SPI query per row) and fed four indexes; a list of 100,000 voters paid 200,000 look-ups of the same two rows.
-- Now the same integrity is checked once per statement, over all its rows at once:
-- * every entry's list exists and is of the entry's election (the one-list index relies on that), checked after
--   each INSERT or UPDATE statement over its transition table, with the lists locked FOR KEY SHARE as a
--   foreign key would lock them (so a list cannot be deleted under an import or a change in flight);
-- * a list with entries cannot be deleted (checked after each DELETE statement on voter_list);
-- * the (election_id, search_key) index goes: officials search by a name fragment (LIKE '%…%'), which a B-tree
--   cannot serve; their searches go through the lists of their communes (voter_entry_list);
-- * the id sequence hands out numbers 1,000 at a time to each session (gaps are harmless).
alter table voter_list add constraint voter_list_id_election unique (id, election_id);
alter table voter_entry drop constraint voter_entry_voter_list_id_fkey;
alter table voter_entry drop constraint voter_entry_election_id_fkey;
drop index voter_entry_search;
alter table voter_entry alter column id set cache 1000;

create function voter_entry_lists_exist() returns trigger language plpgsql as $$
declare
    lists bigint[];
    elections bigint[];
    found integer;
begin
    -- one pass over the statement's rows: the (list, election) pairs they name (an import names one)
    select array_agg(voter_list_id), array_agg(election_id) into lists, elections
    from (select distinct voter_list_id, election_id from new_entries) n;
    if lists is null then
        return null;
    end if;
    select count(*) into found from (
        select 1 from voter_list l join unnest(lists, elections) as p(list_id, election_id)
            on l.id = p.list_id and l.election_id = p.election_id
        for key share of l) locked;
    if found <> cardinality(lists) then
        raise foreign_key_violation using
            message = 'voter_entry refers to a voter list that does not exist or is of another election',
            constraint = 'voter_entry_list_election';
    end if;
    return null;
end $$;
create trigger voter_entry_list_exists_insert after insert on voter_entry
    referencing new table as new_entries for each statement execute function voter_entry_lists_exist();
create trigger voter_entry_list_exists_update after update on voter_entry
    referencing new table as new_entries for each statement execute function voter_entry_lists_exist();

create function voter_list_has_no_entries() returns trigger language plpgsql as $$
begin
    if exists (select 1 from voter_entry e where e.voter_list_id in (select id from gone_lists)) then
        raise foreign_key_violation using
            message = 'a voter list with entries cannot be deleted',
            constraint = 'voter_entry_list_election';
    end if;
    return null;
end $$;
create trigger voter_list_delete_keeps_entries after delete on voter_list
    referencing old table as gone_lists for each statement execute function voter_list_has_no_entries();
