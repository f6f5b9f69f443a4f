-- Every restore of every cluster served: the scheduler's record of its state machine (spec 3.2, 5.1), kept after the
-- Restore resource is deleted (deleted_at) so the catalog keeps its history.
create table restores (
    id                  bigint      generated always as identity primary key,
    uid                 text        not null unique,
    cluster_id          text        not null,
    cluster_name        text        not null,
    namespace           text        not null,
    name                text        not null,
    -- The backup restored (a schedule's newest completed one once validated) and the schedule it came from.
    backup_name         text,
    schedule_name       text,
    storage_location    text,
    phase               text        not null check (phase in ('New', 'FailedValidation', 'InProgress',
                                                              'Completed', 'PartiallyFailed', 'Failed')),
    -- 0 until dispatched; raised on every dispatch of the same restore.
    attempt             integer     not null default 0,
    -- The merge patch (spec defaults) intake wrote to the resource.
    defaults            jsonb,
    created_at          timestamptz not null,
    first_seen_at       timestamptz not null,
    -- Set when validation accepted it: from then on it waits (still New) for a free slot, oldest first.
    accepted_at         timestamptz,
    started_at          timestamptz,
    completed_at        timestamptz,
    progress_total      integer,
    progress_restored   integer,
    warnings            integer,
    errors              integer,
    hooks_attempted     integer,
    hooks_failed        integer,
    failure_reason      text,
    validation_errors   jsonb,
    last_heartbeat_at   timestamptz,
    -- The trace intake ran in: dispatching continues it, and the outbox carries it to the restorer.
    trace_parent        text,
    deleted_at          timestamptz
);
create index restores_active on restores (cluster_id, phase, accepted_at) where phase in ('New', 'InProgress');
create index restores_by_name on restores (cluster_id, namespace, name);
create index restores_by_backup on restores (cluster_id, namespace, backup_name);

-- Every phase a restore went through, appended with each change.
create table restore_phase_history (
    id          bigint      generated always as identity primary key,
    restore_uid text        not null references restores (uid),
    phase       text        not null,
    at          timestamptz not null,
    reason      text
);
create index restore_phase_history_restore on restore_phase_history (restore_uid, id);
