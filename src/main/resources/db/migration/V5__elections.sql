-- election: one event, one day, one scope. scope_unit_id is the version of the scope unit as of the
-- election day (null: the whole country), so an election keeps its places after later reforms.
create table election (
    id            bigint generated always as identity primary key,
    kind          varchar(24) not null check (kind in ('VILLAGE_HEAD', 'NATIONAL_ASSEMBLY', 'PEOPLES_COUNCIL', 'PARTY_CELL')),
    council_level varchar(10) check (council_level in ('PROVINCE', 'COMMUNE')),
    rule_set      varchar(32) not null,
    name          text        not null,
    term          varchar(20) not null,
    election_day  date        not null,
    scope_unit_id bigint references admin_unit (id),
    scope_code    varchar(16),
    status        varchar(12) not null default 'CONFIGURING' check (status in ('CONFIGURING', 'FROZEN')),
    fingerprint   char(64),
    frozen_at     timestamptz,
    created_by    varchar(64) not null,
    created_at    timestamptz not null,
    check ((kind = 'PEOPLES_COUNCIL') = (council_level is not null)),
    check ((status = 'FROZEN') = (fingerprint is not null))
);
create index election_day on election (election_day);

-- electoral units (NA / HĐND): numbered groups of whole communes with their seats
create table electoral_unit (
    id            bigint generated always as identity primary key,
    election_id   bigint  not null references election (id),
    province_code varchar(2) not null,
    number        integer not null check (number > 0),
    name          text    not null,
    seats         integer not null check (seats > 0),
    unique (election_id, province_code, number)
);
create table electoral_unit_commune (
    election_id      bigint not null references election (id),
    electoral_unit_id bigint not null references electoral_unit (id),
    commune_id       bigint not null references admin_unit (id),
    primary key (election_id, commune_id)          -- a commune is in exactly one unit of an election
);
create index electoral_unit_commune_unit on electoral_unit_commune (electoral_unit_id);

-- contest: one race to fill seats in one place (a village, or an electoral unit)
create table contest (
    id                bigint generated always as identity primary key,
    election_id       bigint      not null references election (id),
    village_id        bigint references admin_unit (id),
    electoral_unit_id bigint references electoral_unit (id),
    place_code        varchar(16) not null,
    place_name        text        not null,
    commune_code      varchar(16),
    province_code     varchar(2)  not null,
    seats             integer     not null check (seats > 0),
    check ((village_id is null) <> (electoral_unit_id is null)),
    unique (election_id, village_id),
    unique (election_id, electoral_unit_id)
);
create index contest_election_commune on contest (election_id, commune_code);

-- legal and internal deadlines: per contest (village head elections) or per election
create table milestone (
    id           bigint generated always as identity primary key,
    election_id  bigint      not null references election (id),
    contest_id   bigint references contest (id),
    code         varchar(48) not null,
    title        text,
    due_date     date        not null,
    relation     varchar(16) not null,
    day_offset   varchar(12),
    legal_basis  text,
    source       varchar(10) not null check (source in ('LAW', 'PROVINCE')),
    done_on      date,
    done_by      varchar(64),
    decision_ref text
);
create unique index milestone_contest_code on milestone (contest_id, code) where contest_id is not null;
create unique index milestone_election_code on milestone (election_id, code) where contest_id is null;
create index milestone_election on milestone (election_id, code);

-- polling areas: inside a commune, for a polling day; one area serves every contest held there that day
create table polling_area (
    id               bigint generated always as identity primary key,
    commune_id       bigint      not null references admin_unit (id),
    polling_day      date        not null,
    number           integer     not null check (number > 0),
    name             text        not null,
    address          text,
    voters           integer     not null check (voters >= 0),
    exception_reason varchar(24) check (exception_reason in ('REMOTE', 'ARMED_FORCES', 'HOSPITAL', 'DETENTION')),
    unique (commune_id, polling_day, number)
);
