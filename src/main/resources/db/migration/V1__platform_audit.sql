-- platform: users, roles scoped to an administrative unit, lockout state
create table app_user (
    id              bigint generated always as identity primary key,
    username        varchar(64)  not null unique,
    password_hash   varchar(200) not null,
    full_name       text         not null,
    role            varchar(32)  not null check (role in ('SYSTEM_ADMIN', 'PROVINCE_OFFICIAL', 'COMMUNE_OFFICIAL',
                                                          'ELECTION_TEAM', 'FRONT_COMMITTEE', 'PARTY_COMMITTEE', 'OBSERVER')),
    unit_code       varchar(16),
    enabled         boolean      not null default true,
    failed_attempts integer      not null default 0,
    locked_until    timestamptz,
    created_at      timestamptz  not null default now(),
    check (role = 'SYSTEM_ADMIN' or unit_code is not null)
);

-- audit: append-only, hash-chained log written in the transaction of the change it records
create table audit_log (
    id          bigint generated always as identity primary key,
    occurred_at timestamptz  not null,
    actor       varchar(64)  not null,
    action      varchar(64)  not null,
    subject     varchar(64)  not null,
    subject_id  varchar(128),
    unit_code   varchar(16),
    details     jsonb        not null default '{}'::jsonb,
    prev_hash   char(64)     not null,
    hash        char(64)     not null unique
);
create index audit_log_subject on audit_log (subject, subject_id);
create index audit_log_unit on audit_log (unit_code, occurred_at);

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only';
end $$;
create trigger audit_log_no_change before update or delete on audit_log
    for each row execute function audit_log_append_only();
