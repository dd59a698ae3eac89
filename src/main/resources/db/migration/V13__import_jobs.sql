-- uploads waiting for the clerk's confirmation, and the progress of running imports (in the database so
-- that any app node can answer the progress poll)
create table upload_staging (
    token       uuid primary key,
    file_name   text        not null,
    content     bytea       not null,
    uploaded_by varchar(64) not null,
    uploaded_at timestamptz not null
);
create table import_job (
    id          uuid primary key,
    status      varchar(8)  not null check (status in ('RUNNING', 'DONE', 'FAILED')),
    rows_done   bigint      not null default 0,
    rows_total  bigint      not null,
    message     text,
    started_at  timestamptz not null,
    finished_at timestamptz
);
