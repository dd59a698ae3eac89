-- the planned structure of the candidates (set by the standing committees before the first consultation)
create table composition_plan (
    election_id    bigint       not null references election (id),
    item           varchar(24)  not null,
    target_percent numeric(5, 2) not null check (target_percent between 0 and 100),
    primary key (election_id, item)
);
