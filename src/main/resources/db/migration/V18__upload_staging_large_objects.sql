-- staged uploads are kept as PostgreSQL large objects, written and read as streams (a 200 MB list never sits
-- whole in the application's memory); any node can still read what another staged
delete from upload_staging;
alter table upload_staging drop column content;
alter table upload_staging add column content_oid oid not null;
alter table upload_staging add column size_bytes bigint not null;
