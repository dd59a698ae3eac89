-- A delegates' congress (đại hội đại biểu): the roll is the full delegates convened, not the organisation's members
-- (QĐ 244-QĐ/TW, Điều 32 khoản 3; QĐ 190-QĐ/TW, Điều 30). A cell congress stays a members' congress.
alter table party_congress
    add column kind varchar(10) not null default 'MEMBERS' check (kind in ('MEMBERS', 'DELEGATES'));

-- The delegates convened, each a full member of the organisation's roster: full delegates (the convening committee's
-- members among them, delegates by office) and alternates, who may take the seat of an absent full delegate.
create table congress_delegate (
    congress_id         bigint      not null references party_congress (id),
    member_id           bigint      not null references party_member (id),
    standing            varchar(10) not null check (standing in ('FULL', 'ALTERNATE')),
    convening_committee boolean     not null default false,
    primary key (congress_id, member_id),
    check (standing = 'FULL' or not convening_committee)
);

-- the alternate delegate seated for an absent full delegate
alter table congress_absence add column alternate_id bigint references party_member (id);
create unique index congress_absence_alternate on congress_absence (congress_id, alternate_id)
    where alternate_id is not null;
