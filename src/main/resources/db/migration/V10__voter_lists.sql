-- voter lists: one per polling area (NA/HĐND) or per village (village head: household representatives)
create table voter_list (
    id              bigint generated always as identity primary key,
    election_id     bigint      not null references election (id),
    polling_area_id bigint references polling_area (id),
    village_code    varchar(16),
    commune_code    varchar(16) not null,
    file_name       text        not null,
    sha256          char(64)    not null,
    entries         integer     not null,
    households      integer     not null,
    imported_at     timestamptz not null,
    imported_by     varchar(64) not null,
    posted_on       date,
    check ((polling_area_id is null) <> (village_code is null))
);
create unique index voter_list_area on voter_list (election_id, polling_area_id) where polling_area_id is not null;
create unique index voter_list_village on voter_list (election_id, village_code) where village_code is not null;

create table voter_entry (
    id             bigint generated always as identity primary key,
    voter_list_id  bigint      not null references voter_list (id),
    election_id    bigint      not null references election (id),
    row_no         integer     not null,
    full_name      text        not null,
    search_key     text        not null,
    birth_date     date        not null,
    sex            char(1)     not null,
    personal_id    char(12),
    ethnicity      text,
    residence      text,
    household_id   text,
    representative boolean     not null default false
);
-- one list only: the same person in two lists of one election is refused by the database itself, so two
-- communes importing at the same moment cannot both succeed (Luật 85/2015/QH13, Điều 29 khoản 2)
create unique index voter_entry_one_list on voter_entry (election_id, personal_id) where personal_id is not null;
create index voter_entry_list on voter_entry (voter_list_id);
create index voter_entry_search on voter_entry (election_id, search_key);
