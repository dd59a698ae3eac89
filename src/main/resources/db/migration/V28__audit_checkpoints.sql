-- daily checkpoints of the audit chain (issue: trust): the head as it stood when the day was first checked, published
-- on the portal so that anyone who kept an earlier head can see a rewritten history; and the last check's verdict
create table audit_checkpoint (
    day          date        primary key,
    entries      bigint      not null,
    head         char(64)    not null,
    intact       boolean     not null,
    first_broken bigint,
    checked_at   timestamptz not null
);
