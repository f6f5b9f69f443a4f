-- The catalog holds every backup of every cluster served, not only those this scheduler ran: where each record came
-- from is its origin. 'scheduler': run here; 'sync': created in a cluster by backup sync from a storage location;
-- 'cluster': found as a resource the catalog did not know (a database rebuilt, a backup older than the catalog);
-- 'storage': found only in a storage location when the catalog was rebuilt.
alter table backups add column origin text not null default 'scheduler'
    check (origin in ('scheduler', 'sync', 'cluster', 'storage'));
alter table restores add column origin text not null default 'scheduler'
    check (origin in ('scheduler', 'cluster'));
create index backups_catalog on backups (cluster_name, name);

-- One row per backup across clusters: what `velero catalog backups` lists.
create view catalog_backups as
select cluster_name       as cluster,
       cluster_id,
       namespace,
       name,
       uid,
       phase,
       tarball_bytes      as size_bytes,
       progress_total     as items_total,
       progress_backed_up as items_backed_up,
       warnings,
       errors,
       storage_location,
       created_at,
       started_at,
       completed_at,
       expiration,
       origin,
       deleted_at
from backups;
