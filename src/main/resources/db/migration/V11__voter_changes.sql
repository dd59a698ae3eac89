-- changes to posted lists and complaints (Luật 85/2015/QH13, Điều 29–30, 33, 34)
alter table voter_entry add column status varchar(8) not null default 'ACTIVE' check (status in ('ACTIVE', 'REMOVED'));
alter table voter_entry add column restriction varchar(24) check (restriction in ('NA_AND_PROVINCE_ONLY'));
alter table voter_entry add column certificate_on date;
drop index voter_entry_one_list;
create unique index voter_entry_one_list on voter_entry (election_id, personal_id)
    where personal_id is not null and status = 'ACTIVE';

create table voter_change (
    id            bigint generated always as identity primary key,
    voter_list_id bigint      not null references voter_list (id),
    entry_id      bigint      not null references voter_entry (id),
    kind          varchar(12) not null check (kind in ('ADD', 'REMOVE', 'TRANSFER', 'RESTRICT', 'CERTIFICATE')),
    reason        varchar(24) not null,
    reason_text   text,
    changed_on    date        not null,
    changed_by    varchar(64) not null
);
create index voter_change_list on voter_change (voter_list_id);

create table voter_complaint (
    id            bigint generated always as identity primary key,
    voter_list_id bigint      not null references voter_list (id),
    entry_id      bigint references voter_entry (id),
    complainant   text        not null,
    content       text        not null,
    received_on   date        not null,
    answer_due    date        not null,
    answered_on   date,
    outcome       varchar(10) check (outcome in ('ACCEPTED', 'REJECTED')),
    answer        text
);
