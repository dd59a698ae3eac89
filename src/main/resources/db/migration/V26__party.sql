-- Party cell congresses (issue: Party; module party, ADR 0011). Party data is kept apart from the state elections:
-- only Party committee roles read or write it, and nothing here reaches a public page.

-- a Party cell (chi bộ): a village's, or another cell; its superior committee's unit is the unit whose Party committee
-- ratifies the cell's elections (the commune's; the district's before 1/7/2025)
create table party_cell (
    id            bigserial primary key,
    code          varchar(32)  not null unique,
    name          varchar(200) not null,
    village_code  varchar(16),
    superior_code varchar(16)  not null,
    since         date         not null,   -- the day the village and superior codes are read as of
    created_by    varchar(64)  not null,
    created_at    timestamptz  not null
);
create unique index party_cell_village on party_cell (village_code) where village_code is not null;

-- a member: only full members vote and are elected; a member exempted from activity counts towards the roll only when
-- present (QĐ 190-QĐ/TW, Điều 30)
create table party_member (
    id          bigserial primary key,
    cell_id     bigint       not null references party_cell (id),
    full_name   varchar(200) not null,
    birth_date  date         not null,
    personal_id char(12)     not null check (personal_id ~ '^[0-9]{12}$'),
    membership  varchar(12)  not null check (membership in ('FULL', 'PROBATIONARY')),
    exempted    boolean      not null default false,
    unique (cell_id, personal_id)
);
create index party_member_person on party_member (personal_id);

-- a congress of a cell for a term; its status moves CONVENED → OPENED (attendance with quorum) → CLOSED → RATIFIED
create table party_congress (
    id                 bigserial primary key,
    cell_id            bigint      not null references party_cell (id),
    term               varchar(20) not null,
    held_on            date        not null,
    mode               varchar(28) not null check (mode in ('SECRETARY_DIRECT', 'COMMITTEE_THEN_SECRETARY')),
    committee_seats    integer check (committee_seats is null or committee_seats between 1 and 99),
    follows_election   bigint references election (id),
    head_member_id     bigint references party_member (id),      -- the recognised village head, when a member
    status             varchar(12) not null check (status in ('CONVENED', 'OPENED', 'CLOSED', 'RATIFIED')),
    convened           integer,                                    -- full members on the roll
    excluded           integer,                                    -- taken out of the roll (QĐ 190, Điều 30)
    present            integer,                                    -- full members present
    secretary_id       bigint references party_member (id),
    ratification_due   date,
    ratification_no    text,
    ratified_on        date,
    ratified_by        varchar(64),
    version            integer     not null default 1,
    created_by         varchar(64) not null,
    created_at         timestamptz not null,
    unique (cell_id, term)
);

-- who was absent for the whole congress, and whether the convening committee accepted the reason
create table congress_absence (
    congress_id bigint  not null references party_congress (id),
    member_id   bigint  not null references party_member (id),
    reason      text,
    approved    boolean not null,
    primary key (congress_id, member_id)
);

-- one secret ballot of the congress: the cell committee or the secretary, round by round in the same sitting
create table congress_vote (
    id            bigserial primary key,
    congress_id   bigint      not null references party_congress (id),
    body          varchar(12) not null check (body in ('COMMITTEE', 'SECRETARY')),
    round         integer     not null check (round >= 1),
    seats         integer     not null check (seats >= 1),
    list_for      integer     not null,
    list_against  integer     not null,
    instead_of_head text,                                  -- why the cell proposes someone other than the head
    status        varchar(10) not null check (status in ('LISTED', 'ENTERED', 'DIFFERENT', 'VERIFIED', 'CERTIFIED')),
    figures       jsonb,                                   -- the agreed count (counts only: never who voted how)
    evaluation    jsonb,                                   -- the rule engine's answer (PARTY_CELL_2024)
    attempt       integer     not null default 1,
    version       integer     not null default 1,
    certified_by  varchar(64),
    certified_at  timestamptz,
    unique (congress_id, body, round)
);

create table congress_nominee (
    vote_id       bigint  not null references congress_vote (id),
    member_id     bigint  not null references party_member (id),
    position      integer not null,
    from_floor    boolean not null,
    floor_support integer,
    elected       boolean,
    primary key (vote_id, member_id)
);

-- the two independent entries of a count; a resolution keeps one of them (attempt 2 after a re-entry)
create table congress_count_entry (
    vote_id    bigint      not null references congress_vote (id),
    attempt    integer     not null,
    seq        integer     not null check (seq in (1, 2)),
    entered_by varchar(64) not null,
    entered_at timestamptz not null,
    figures    jsonb       not null,
    primary key (vote_id, attempt, seq),
    unique (vote_id, attempt, entered_by)
);
