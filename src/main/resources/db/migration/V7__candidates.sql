-- candidates: who stands in which contest, with the profile officials publish and the status lifecycle
create table candidate (
    id                bigint generated always as identity primary key,
    election_id       bigint      not null references election (id),
    contest_id        bigint      not null references contest (id),
    full_name         text        not null,
    match_key         text        not null,
    other_name        text,
    birth_date        date        not null,
    sex               char(1)     not null check (sex in ('M', 'F')),
    personal_id       char(12) check (personal_id ~ '^[0-9]{12}$'),
    ethnicity         text,
    religion          text,
    hometown          text,
    residence         text,
    education         text,
    qualification     text,
    political_theory  varchar(12) check (political_theory in ('NONE', 'ELEMENTARY', 'INTERMEDIATE', 'ADVANCED')),
    party_member      boolean     not null default false,
    party_joined      date,
    workplace         text,
    position          text,
    incumbent         boolean     not null default false,
    nomination_source varchar(16) not null check (nomination_source in ('INTRODUCED', 'SELF_NOMINATED', 'FLOOR')),
    status            varchar(16) not null default 'NOMINATED'
                      check (status in ('NOMINATED', 'CONSULTED', 'ON_LIST', 'WITHDRAWN', 'STRUCK_OFF', 'ELECTED', 'NOT_ELECTED')),
    status_date       date,
    status_reason     text,
    status_decision   text,
    list_position     integer,
    created_by        varchar(64) not null
);
create index candidate_contest on candidate (contest_id, status);
create index candidate_person on candidate (personal_id) where personal_id is not null;
