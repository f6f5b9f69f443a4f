-- Backups and restores requested over the bus (RequestBackup, RequestRestore), keyed by the caller's request id: one
-- request id creates at most one resource. A refused request is kept with its reason and may be evaluated again (it
-- created nothing); a created one always answers with the resource it created.
create table requests (
    request_id uuid primary key,
    kind text not null check (kind in ('Backup', 'Restore')),
    correlation_id text not null,
    -- The cluster as the request named it, then the cluster it resolved to.
    cluster text not null,
    cluster_id text,
    cluster_name text,
    namespace text,
    name text,
    state text not null check (state in ('Creating', 'Created', 'Failed')),
    resource_uid text,
    reason text,
    first_seen_at timestamptz not null,
    updated_at timestamptz not null
);

create index requests_resource_uid on requests (resource_uid);

-- The correlation id a backup or restore carries in every event: from the velero-services.io/correlation-id annotation
-- of its resource (set by a request, or by a user), recorded at intake.
alter table backups add column correlation_id text;
alter table restores add column correlation_id text;
