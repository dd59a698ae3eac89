-- Turnout by commune and reporting slot, kept by the database as reports arrive, so that the nation's roll-up during
-- polling day reads a few thousand rows instead of every report (72,195 polling areas x 5 reporting times in 2026).
-- rise: the sum, over the commune's places, of how much each place's figure rose at this slot since its previous
-- report (a first report counts whole); the sum of the rises at or before a time is the sum of each place's latest
-- figure at or before it, whatever slots a place skipped. first_reports: how many places first reported at this slot.
create table turnout_rollup (
    election_id   bigint      not null references election (id),
    commune_code  varchar(16) not null,
    slot          time        not null,
    rise          bigint      not null,
    first_reports integer     not null,
    primary key (election_id, commune_code, slot)
);

-- The reports of the places a statement touched, each with its rise and whether it is its place's first (sign +1), or
-- the same before the statement (sign -1); their sum by commune and slot is what the statement changed. One function
-- per kind of statement, as each sees its own transition table. Rows are written in key order (no deadlock between
-- two statements of one commune). The reports of one place are written under the lock of its day row
-- (PollingDay.submit), so two statements never compute the same place's rises from different snapshots.
create function turnout_rollup_on_insert() returns trigger language plpgsql as $$
begin
    insert into turnout_rollup as t (election_id, commune_code, slot, rise, first_reports)
    select d.election_id, d.commune_code, x.slot, sum(x.sign * x.rise), sum(x.sign * x.first)
    from (select 1 as sign, place_day_id, slot, voted - coalesce(lag(voted) over w, 0) as rise,
                 case when lag(voted) over w is null then 1 else 0 end as first
          from turnout_report where place_day_id in (select place_day_id from new_rows)
          window w as (partition by place_day_id order by slot)
          union all
          select -1, place_day_id, slot, voted - coalesce(lag(voted) over w, 0),
                 case when lag(voted) over w is null then 1 else 0 end
          from turnout_report r where place_day_id in (select place_day_id from new_rows)
              and not exists (select 1 from new_rows n where n.place_day_id = r.place_day_id and n.slot = r.slot)
          window w as (partition by place_day_id order by slot)) x
    join polling_place_day d on d.id = x.place_day_id
    group by d.election_id, d.commune_code, x.slot
    order by 1, 2, 3
    on conflict (election_id, commune_code, slot) do update
        set rise = t.rise + excluded.rise, first_reports = t.first_reports + excluded.first_reports;
    return null;
end $$;

create function turnout_rollup_on_delete() returns trigger language plpgsql as $$
begin
    insert into turnout_rollup as t (election_id, commune_code, slot, rise, first_reports)
    select d.election_id, d.commune_code, x.slot, sum(x.sign * x.rise), sum(x.sign * x.first)
    from (select 1 as sign, place_day_id, slot, voted - coalesce(lag(voted) over w, 0) as rise,
                 case when lag(voted) over w is null then 1 else 0 end as first
          from turnout_report where place_day_id in (select place_day_id from old_rows)
          window w as (partition by place_day_id order by slot)
          union all
          select -1, place_day_id, slot, voted - coalesce(lag(voted) over w, 0),
                 case when lag(voted) over w is null then 1 else 0 end
          from (select place_day_id, slot, voted from turnout_report
                where place_day_id in (select place_day_id from old_rows)
                union all
                select place_day_id, slot, voted from old_rows) b
          window w as (partition by place_day_id order by slot)) x
    join polling_place_day d on d.id = x.place_day_id
    group by d.election_id, d.commune_code, x.slot
    order by 1, 2, 3
    on conflict (election_id, commune_code, slot) do update
        set rise = t.rise + excluded.rise, first_reports = t.first_reports + excluded.first_reports;
    return null;
end $$;

create trigger turnout_rollup_insert after insert on turnout_report referencing new table as new_rows
    for each statement execute function turnout_rollup_on_insert();
create trigger turnout_rollup_delete after delete on turnout_report referencing old table as old_rows
    for each statement execute function turnout_rollup_on_delete();

-- a report's figure and slot are never changed in place (a report is never overwritten)
create function turnout_report_unchanged() returns trigger language plpgsql as $$
begin
    raise exception 'a turnout report is never changed (place day %, slot %)', old.place_day_id, old.slot;
end $$;
create trigger turnout_report_no_update before update on turnout_report
    for each row execute function turnout_report_unchanged();

-- the reports already stored
insert into turnout_rollup (election_id, commune_code, slot, rise, first_reports)
select d.election_id, d.commune_code, x.slot, sum(x.rise), sum(x.first)
from (select place_day_id, slot, voted - coalesce(lag(voted) over w, 0) as rise,
             case when lag(voted) over w is null then 1 else 0 end as first
      from turnout_report window w as (partition by place_day_id order by slot)) x
join polling_place_day d on d.id = x.place_day_id
group by d.election_id, d.commune_code, x.slot;
