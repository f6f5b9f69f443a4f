-- Every Schedule of every cluster served, as the schedule controller last saw it: the catalog's view of what runs when.
create table schedules (
    uid               text        primary key,
    cluster_id        text        not null,
    cluster_name      text        not null,
    namespace         text        not null,
    name              text        not null,
    schedule          text        not null,
    phase             text        not null check (phase in ('New', 'Enabled', 'FailedValidation')),
    paused            boolean     not null,
    last_backup       timestamptz,
    last_skipped      timestamptz,
    retention         jsonb,
    validation_errors text[]      not null default '{}',
    seen_at           timestamptz not null
);
create index schedules_cluster on schedules (cluster_id, namespace, name);

-- One row per firing of a schedule, written before its Backup is created: the backup's name is chosen once, so a
-- replica retrying after a crash creates the same Backup again (AlreadyExists means done) instead of a second one,
-- and the next due time counts from the latest claim even when the Schedule's status was never written.
create table schedule_runs (
    schedule_uid text        not null,
    due_at       timestamptz not null,
    cluster_id   text        not null,
    namespace    text        not null,
    backup_name  text        not null,
    claimed_at   timestamptz not null,
    created_at   timestamptz,
    primary key (schedule_uid, due_at)
);
create unique index schedule_runs_backup on schedule_runs (cluster_id, namespace, backup_name);
