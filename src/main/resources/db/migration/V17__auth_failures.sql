-- failed sign-ins by account and client: a client is throttled after too many failures, and an account is locked
-- for the client that failed on it (not for everyone), so nobody can keep an account locked out from one address
create table auth_failure (
    id       bigint generated always as identity primary key,
    username varchar(64) not null,
    client   varchar(64) not null,
    at       timestamptz not null
);
create index auth_failure_client on auth_failure (client, at);
create index auth_failure_account on auth_failure (username, client, at);
