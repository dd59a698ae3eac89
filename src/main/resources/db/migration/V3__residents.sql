-- voters: the commune's register of residents by household (a stand-in for the national population
-- database's export), from which voter lists are built. A household is (village_code, household_no);
-- village codes are stable across a village's renames and moves.
create table resident (
    id                       bigint generated always as identity primary key,
    village_code             varchar(16) not null,
    household_no             varchar(32) not null,
    full_name                text        not null,
    search_key               text        not null,
    sex                      char(1)     not null check (sex in ('M', 'F')),
    birth_date               date        not null,
    personal_id              char(12)    not null unique check (personal_id ~ '^[0-9]{12}$'),
    household_representative boolean     not null default false,
    source                   varchar(40) not null
);
create index resident_village on resident (village_code, household_no);
create unique index resident_one_representative on resident (village_code, household_no)
    where household_representative;
