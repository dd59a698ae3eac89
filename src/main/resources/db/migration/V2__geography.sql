-- geography: administrative units as dated versions. A row is one unit as it stood between
-- valid_from (inclusive; null = since before the records begin) and valid_to (exclusive; null = in force).
-- GSO codes are reused across the 2025 reform (00004 was Phường Trúc Bạch, is now Phường Ba Đình),
-- so a code names a unit only together with a date.
create table admin_unit (
    id            bigint generated always as identity primary key,
    code          varchar(16) not null,
    level         varchar(10) not null check (level in ('PROVINCE', 'DISTRICT', 'COMMUNE', 'VILLAGE')),
    kind          varchar(40) not null,
    name          text        not null,
    match_key     text        not null,
    search_key    text        not null,
    parent_id     bigint references admin_unit (id),
    province_code varchar(2)  not null,
    valid_from    date,
    valid_to      date,
    households    integer check (households >= 0),
    source        varchar(40) not null,
    decision_ref  text,
    check (valid_to is null or valid_from is null or valid_to > valid_from),
    check ((level = 'VILLAGE') = (households is not null)),
    check ((level = 'PROVINCE') = (parent_id is null))
);
create unique index admin_unit_code_version on admin_unit (code, coalesce(valid_from, '-infinity'::date));
create index admin_unit_parent on admin_unit (parent_id);
create index admin_unit_level_province on admin_unit (level, province_code);
create index admin_unit_code on admin_unit (code);
-- two villages in force under one commune may not share a name (tone placement ignored)
create unique index admin_unit_village_name on admin_unit (parent_id, match_key)
    where level = 'VILLAGE' and valid_to is null;

-- how units follow one another: a 2025 commune from the old communes merged into it (FULL or PARTIAL),
-- a village renamed, moved under a new commune, merged or split.
create table admin_unit_lineage (
    successor_id   bigint      not null references admin_unit (id),
    predecessor_id bigint      not null references admin_unit (id),
    kind           varchar(16) not null check (kind in ('FULL', 'PARTIAL', 'RENAMED', 'MOVED', 'MERGED', 'SPLIT')),
    effective      date        not null,
    primary key (successor_id, predecessor_id)
);
create index admin_unit_lineage_pred on admin_unit_lineage (predecessor_id);

create table geography_dataset (
    name        varchar(40) primary key,
    sha256      char(64)    not null,
    units       integer     not null,
    imported_at timestamptz not null
);
