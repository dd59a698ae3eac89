-- results: the legal outcome of each contest, computed from its certified minutes (never typed)
create table contest_result (
    contest_id        bigint primary key references contest (id),
    election_id       bigint      not null references election (id),
    status            varchar(14) not null check (status in ('NOT_REPORTED', 'REPORTED', 'CERTIFIED')),
    expected_minutes  integer     not null,
    entered_minutes   integer     not null,
    certified_minutes integer     not null,
    figures           jsonb,          -- the contest's figures: the sum of its certified minutes
    outcome           varchar(32),
    evaluation        jsonb,          -- the rule engine's answer, with its reasons and legal bases
    minutes           jsonb       not null default '[]'::jsonb,
    struck            jsonb       not null default '[]'::jsonb,   -- names struck off after printing: 0 votes, never elected
    computed_at       timestamptz not null
);
create index contest_result_election on contest_result (election_id);
