-- the commune chair's decision recognising an elected village head (NĐ 59/2023/NĐ-CP, Điều 8; TT 04/2012/TT-BNV)
create table recognition (
    contest_id   bigint primary key references contest (id),
    election_id  bigint      not null references election (id),
    candidate_id bigint      not null references candidate (id),
    decision_no  text        not null,
    decided_on   date        not null,
    signed_by    text,
    recorded_by  varchar(64) not null,
    recorded_at  timestamptz not null
);
create index recognition_election on recognition (election_id);
