-- demo data sets loaded into this database (so a restart does not load them twice)
create table demo_dataset (
    name      varchar(40) primary key,
    loaded_at timestamptz not null
);
