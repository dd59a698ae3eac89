-- how nominees reach the official list: the list each consultation round produced (round 2: preliminary
-- list; round 3: those who qualify), and a village's Front working committee meeting (Mẫu 05) with the
-- cell committee's agreement
create table consultation_entry (
    consultation_id bigint  not null references consultation (id) on delete cascade,
    candidate_id    bigint  not null references candidate (id),
    position        integer not null,
    special_case    text,
    primary key (consultation_id, candidate_id)
);
alter table consultation add column recorded_by varchar(64);

create table front_meeting (
    id                 bigint generated always as identity primary key,
    contest_id         bigint      not null unique references contest (id),
    held_on            date        not null,
    attendance         integer     not null check (attendance >= 0),
    chaired_by         text        not null,
    cell_agreed        boolean     not null,
    cell_agreed_on     date,
    cell_agreement_ref text,
    minutes_sent_on    date,
    recorded_by        varchar(64) not null,
    recorded_at        timestamptz not null
);
create table front_meeting_entry (
    front_meeting_id bigint  not null references front_meeting (id) on delete cascade,
    candidate_id     bigint  not null references candidate (id),
    position         integer not null,
    primary key (front_meeting_id, candidate_id)
);

-- when a status was recorded (to tell a candidate struck off after the ballots were printed), and the
-- names nominated from the floor of a village's election meeting (after the list was settled)
alter table candidate add column status_recorded_at timestamptz;
alter table candidate add column added_at_meeting boolean not null default false;
