-- counting: polling day and the counting minutes (Luật 85/2015/QH13, Điều 69–76; NĐ 59/2023/NĐ-CP, Điều 3)

-- a rehearsal is a copy of an election that never reaches public pages or the real election's figures
alter table election add column rehearsal_of bigint references election (id);
create index election_rehearsal_of on election (rehearsal_of) where rehearsal_of is not null;

-- an election team member is scoped to a village, or to one polling area of a commune
alter table app_user add column polling_area_id bigint references polling_area (id);

-- a resend with the same Idempotency-Key returns the first answer and stores nothing new
create table idempotent_request (
    username    varchar(64) not null,
    key         uuid        not null,
    operation   varchar(64) not null,
    request_sha char(64)    not null,
    response    text,
    created_at  timestamptz not null,
    primary key (username, key)
);
create index idempotent_request_created on idempotent_request (created_at);

-- one minutes per contest and polling area (NA, HĐND) or per village meeting; its current version and status
create table minutes (
    id              bigint generated always as identity primary key,
    election_id     bigint      not null references election (id),
    contest_id      bigint      not null references contest (id),
    polling_area_id bigint references polling_area (id),
    commune_code    varchar(16) not null,
    unit_code       varchar(16) not null,   -- the village, or the polling area's commune
    version         integer     not null default 1 check (version >= 1),
    status          varchar(10) not null default 'OPEN'
                    check (status in ('OPEN', 'ENTERED', 'DIFFERENT', 'VERIFIED', 'CERTIFIED')),
    attempt         integer     not null default 1,
    created_at      timestamptz not null
);
create unique index minutes_place on minutes (contest_id, coalesce(polling_area_id, 0));
create index minutes_election on minutes (election_id, commune_code);

-- every version of a minutes: the agreed figures once verified, frozen once certified
create table minutes_version (
    minutes_id      bigint      not null references minutes (id),
    version         integer     not null,
    opened_at       timestamptz not null,
    opened_by       varchar(64) not null,
    correction_reason   text,
    correction_decision text,
    figures         jsonb,
    resolved_by     varchar(64),
    resolution      varchar(8) check (resolution in ('FIRST', 'SECOND')),
    certified_at    timestamptz,
    certified_by    varchar(64),
    signed_by       text,
    sha256          char(64),
    canonical       text,                 -- the certified data exactly as hashed
    scan            bytea,                -- a photo or scan of the signed paper (JPEG or PDF)
    scan_type       varchar(32),
    scan_sha256     char(64),
    primary key (minutes_id, version)
);
create unique index minutes_version_sha on minutes_version (sha256) where sha256 is not null;

-- the entries typed from the paper: two per attempt, by two different users
create table minutes_entry (
    id          bigint generated always as identity primary key,
    minutes_id  bigint      not null references minutes (id),
    version     integer     not null,
    attempt     integer     not null,
    seq         smallint    not null check (seq in (1, 2)),
    entered_by  varchar(64) not null,
    entered_at  timestamptz not null,
    source      varchar(8)  not null default 'API' check (source in ('API', 'PAGE', 'EXCEL')),
    figures     jsonb       not null,
    discarded   boolean     not null default false,
    unique (minutes_id, version, attempt, seq),
    unique (minutes_id, version, attempt, entered_by)
);

-- the certified votes per candidate, for the results to add up without parsing documents
create table minutes_votes (
    minutes_id   bigint  not null references minutes (id),
    version      integer not null,
    candidate_id bigint  not null references candidate (id),
    votes        bigint  not null check (votes >= 0),
    counted      boolean not null,
    primary key (minutes_id, version, candidate_id)
);

-- polling day: the times at which every team reports turnout
create table reporting_time (
    election_id bigint not null references election (id),
    at          time   not null,
    primary key (election_id, at)
);

-- polling day of one place (a polling area, or a village meeting): opening, closing and the team's records
create table polling_place_day (
    id              bigint generated always as identity primary key,
    election_id     bigint      not null references election (id),
    polling_area_id bigint references polling_area (id),
    village_code    varchar(16),
    commune_code    varchar(16) not null,
    electorate      bigint,
    opened_at       timestamptz,
    opened_by       text,
    box_shown_empty boolean,
    closed_at       timestamptz,
    households_present        integer check (households_present >= 0),
    households_unrepresented  integer check (households_unrepresented >= 0),
    voting_method   varchar(16) check (voting_method in ('SECRET_BALLOT', 'SHOW_OF_HANDS', 'HOUSEHOLD_BALLOT')),
    schedule_decision text,
    version         integer     not null default 1,
    check ((polling_area_id is null) <> (village_code is null))
);
create unique index polling_place_day_area on polling_place_day (election_id, polling_area_id) where polling_area_id is not null;
create unique index polling_place_day_village on polling_place_day (election_id, village_code) where village_code is not null;
create index polling_place_day_commune on polling_place_day (election_id, commune_code);

create table turnout_report (
    place_day_id bigint      not null references polling_place_day (id),
    slot         time        not null,
    voted        bigint      not null check (voted >= 0),
    reported_at  timestamptz not null,
    reported_by  varchar(64) not null,
    primary key (place_day_id, slot)
);

-- incidents, interruptions (Điều 71 khoản 3) and mobile ballot boxes (Điều 69), carried into the minutes
create table polling_event (
    id           bigint generated always as identity primary key,
    place_day_id bigint      not null references polling_place_day (id),
    kind         varchar(16) not null check (kind in ('INCIDENT', 'INTERRUPTION', 'MOBILE_BOX')),
    occurred_at  timestamptz not null,
    ended_at     timestamptz,
    description  text        not null,
    action_taken text,
    voters       integer check (voters >= 0),
    recorded_by  varchar(64) not null,
    recorded_at  timestamptz not null
);
create index polling_event_place on polling_event (place_day_id, occurred_at);
