-- Every backup of every cluster served: the scheduler's record of its state machine (spec 3.1), kept after the
-- Backup resource is deleted (deleted_at) so the catalog keeps its history.
create table backups (
    id                  bigint      generated always as identity primary key,
    uid                 text        not null unique,
    cluster_id          text        not null,
    cluster_name        text        not null,
    namespace           text        not null,
    name                text        not null,
    phase               text        not null check (phase in ('New', 'Queued', 'FailedValidation', 'InProgress',
                                                              'Completed', 'PartiallyFailed', 'Failed')),
    -- 1..n while Queued, in the order backups are started; null otherwise.
    queue_position      integer,
    storage_location    text,
    -- 0 until dispatched; raised on every dispatch of the same backup.
    attempt             integer     not null default 0,
    -- The spec as validated and defaulted; included/excluded namespaces decide which backups may run together.
    spec                jsonb,
    included_namespaces text[],
    excluded_namespaces text[],
    -- The merge patch (labels, annotations, spec, status version/formatVersion/expiration) intake wrote to the resource.
    defaults            jsonb,
    created_at          timestamptz not null,
    first_seen_at       timestamptz not null,
    queued_at           timestamptz,
    started_at          timestamptz,
    completed_at        timestamptz,
    expiration          timestamptz,
    progress_total      integer,
    progress_backed_up  integer,
    warnings            integer,
    errors              integer,
    hooks_attempted     integer,
    hooks_failed        integer,
    tarball_bytes       bigint,
    failure_reason      text,
    validation_errors   jsonb,
    last_heartbeat_at   timestamptz,
    -- The trace intake ran in: dispatching continues it, and the outbox carries it to the snapshotter.
    trace_parent        text,
    deleted_at          timestamptz
);
create index backups_active on backups (cluster_id, phase, queue_position) where phase in ('Queued', 'InProgress');
create index backups_by_name on backups (cluster_id, namespace, name);

-- Every phase a backup went through, appended with each change.
create table backup_phase_history (
    id         bigint      generated always as identity primary key,
    backup_uid text        not null references backups (uid),
    phase      text        not null,
    at         timestamptz not null,
    reason     text
);
create index backup_phase_history_backup on backup_phase_history (backup_uid, id);
