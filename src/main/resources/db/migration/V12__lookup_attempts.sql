-- citizen look-ups, counted per client in the database so the limit holds across app nodes
create table lookup_attempt (
    client     varchar(64) not null,
    at         timestamptz not null
);
create index lookup_attempt_client on lookup_attempt (client, at);
