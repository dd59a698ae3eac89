-- import jobs: who started one (only they may follow it), which node runs it, and that node's heartbeat, so
-- a job left RUNNING by a stopped or killed node is marked FAILED by any node (ADR 0007)
alter table import_job add column started_by   varchar(64);
alter table import_job add column node         varchar(64);
alter table import_job add column heartbeat_at timestamptz;
update import_job set heartbeat_at = coalesce(finished_at, started_at);
alter table import_job alter column heartbeat_at set not null;
create index import_job_running on import_job (heartbeat_at) where status = 'RUNNING';
