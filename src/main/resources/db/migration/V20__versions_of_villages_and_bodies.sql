-- villages and election bodies are edited by several people too: a version for ETag / If-Match (412 when stale)
alter table admin_unit add column version integer not null default 0;
alter table organisation add column version integer not null default 0;
