-- published results: immutable, versioned snapshots of the results document (contracts/results.md)
create table result_snapshot (
    election_id  bigint      not null references election (id),
    version      integer     not null check (version >= 1),
    published_at timestamptz not null,
    published_by varchar(64) not null,
    sha256       char(64)    not null,
    document     text        not null,
    primary key (election_id, version)
);
create or replace function result_snapshot_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'result_snapshot is immutable: a publication is a new version';
end $$;
create trigger result_snapshot_no_update before update on result_snapshot
    for each row execute function result_snapshot_immutable();
