-- Short-lived API tokens (Bearer): a program signs in once with its password (HTTP Basic, bcrypt) and then sends
-- the token, checked by one indexed look-up of its SHA-256. The token itself is never stored.
create table api_token (
    token_hash  bytea       primary key check (length(token_hash) = 32),
    username    varchar(64) not null references app_user (username) on delete cascade,
    client      text        not null,
    issued_at   timestamptz not null,
    expires_at  timestamptz not null check (expires_at > issued_at),
    revoked_at  timestamptz
);
create index api_token_expiry on api_token (expires_at);
create index api_token_user on api_token (username);
