-- a follow-up election (a re-election, an additional election) of one contest of an earlier election
alter table election add column round varchar(12) not null default 'FIRST'
    check (round in ('FIRST', 'ADDITIONAL', 'REELECTION'));
alter table election add column follows_election_id bigint references election (id);
alter table election add column follows_place_code varchar(16);
