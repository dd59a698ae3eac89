-- the National Election Council's decision to hold no additional election for a National Assembly unit left short of
-- deputies (Luật 85/2015/QH13, Điều 79 khoản 1: it "xem xét, quyết định việc bầu cử thêm"); the seats stay vacant.
-- One per contest, written once; a contest has either this or a follow-up election, never both.
create table follow_up_unheld (
    contest_id   bigint primary key references contest (id),
    election_id  bigint      not null references election (id),
    kind         varchar(24) not null check (kind = 'ADDITIONAL_ELECTION'),
    decision_ref text        not null,
    decided_on   date        not null,
    reason       text        not null,
    legal_basis  text        not null,
    recorded_by  varchar(64) not null,
    recorded_at  timestamptz not null
);
create index follow_up_unheld_election on follow_up_unheld (election_id);
