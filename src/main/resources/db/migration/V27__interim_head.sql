-- an interim village head (trưởng thôn lâm thời) appointed by the commune while nobody is elected (NĐ 59/2023/NĐ-CP,
-- Điều 9 khoản 3; 6 months at most under the 2008 rules, TT 04/2012/TT-BNV as amended): one per contest
create table interim_head (
    contest_id   bigint primary key references contest (id),
    election_id  bigint      not null references election (id),
    full_name    text        not null,
    decision_no  text        not null,
    appointed_on date        not null,
    serves_until date,
    recorded_by  varchar(64) not null,
    recorded_at  timestamptz not null
);
create index interim_head_election on interim_head (election_id);
