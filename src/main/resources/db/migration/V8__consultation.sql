-- consultation conferences (hiệp thương, rounds 1–3) of an election, and voter conferences with trust votes
create table consultation (
    id           bigint generated always as identity primary key,
    election_id  bigint      not null references election (id),
    round        integer     not null check (round between 1 and 3),
    held_on      date        not null,
    unit_code    varchar(16) not null,
    attendance   integer     not null check (attendance >= 0),
    planned_seats integer,
    outcome      text,
    unique (election_id, unit_code, round)
);
create table voter_conference (
    id           bigint generated always as identity primary key,
    candidate_id bigint      not null references candidate (id),
    place        varchar(12) not null check (place in ('RESIDENCE', 'WORKPLACE')),
    held_on      date        not null,
    voters       integer     not null check (voters >= 0),
    present      integer     not null check (present >= 0),
    trust_votes  integer     not null check (trust_votes >= 0),
    trusted      boolean     not null
);
-- documents attached to a candidacy (dossier scans, photo)
create table candidate_document (
    id           bigint generated always as identity primary key,
    candidate_id bigint      not null references candidate (id),
    kind         varchar(16) not null check (kind in ('DOSSIER', 'PHOTO', 'OTHER')),
    file_name    text        not null,
    content_type text        not null,
    sha256       char(64)    not null,
    content      bytea       not null,
    uploaded_by  varchar(64) not null
);
alter table candidate add column list_posted_on date;
