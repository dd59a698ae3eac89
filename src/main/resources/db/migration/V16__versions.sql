-- optimistic versions of records several people edit: ETag on read, If-Match on write, 412 when stale
alter table voter_entry add column version integer not null default 0;
alter table voter_complaint add column version integer not null default 0;
