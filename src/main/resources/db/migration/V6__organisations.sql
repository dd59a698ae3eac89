-- election bodies (committees, boards, teams…) formed by a decision, and their members
create table organisation (
    id               bigint generated always as identity primary key,
    election_id      bigint      not null references election (id),
    kind             varchar(32) not null,
    level            varchar(10) check (level in ('PROVINCE', 'COMMUNE')),
    unit_code        varchar(16),
    contest_id       bigint references contest (id),
    electoral_unit_id bigint references electoral_unit (id),
    polling_area_id  bigint references polling_area (id),
    armed_forces     boolean     not null default false,
    name             text        not null,
    decision_no      text,
    decision_date    date,
    issuing_body     text,
    created_by       varchar(64) not null
);
create index organisation_election on organisation (election_id, kind);

create table organisation_member (
    id              bigint generated always as identity primary key,
    organisation_id bigint      not null references organisation (id),
    position        integer     not null,
    full_name       text        not null,
    role            varchar(12) not null check (role in ('CHAIR', 'VICE_CHAIR', 'SECRETARY', 'MEMBER')),
    represents      text,
    unique (organisation_id, position)
);
