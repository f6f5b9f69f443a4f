-- Every attempt at deleting a backup (one per DeleteBackupRequest processed): who asked (the request, and whether the
-- garbage collector made it), when it ran and how it ended. The request itself is removed from the cluster once the
-- backup is gone (or replaced by a later one), so this is where the catalog keeps the story.
create table backup_deletions (
    id            bigint      generated always as identity primary key,
    backup_uid    text,
    cluster_id    text        not null,
    namespace     text        not null,
    backup_name   text        not null,
    request_name  text        not null,
    request_uid   text        not null unique,
    requested_at  timestamptz not null,
    -- 'expired' when the garbage collector asked (status.expiration passed), 'request' otherwise.
    reason        text        not null check (reason in ('expired', 'request')),
    started_at    timestamptz not null,
    finished_at   timestamptz,
    -- Processed without errors: the backup, its objects and its restores are gone.
    succeeded     boolean,
    errors        jsonb
);
create index backup_deletions_backup on backup_deletions (cluster_id, namespace, backup_name, id);
