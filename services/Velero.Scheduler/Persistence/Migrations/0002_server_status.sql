-- The last time each service instance answered a status request.
create table service_status (
    service         text        not null,
    instance        text        not null,
    version         text        not null,
    plugins         jsonb       not null,
    cluster_id      text        not null,
    cluster_name    text        not null,
    last_request_id uuid        not null,
    last_seen_at    timestamptz not null,
    primary key (service, instance)
);

-- Status requests and their answers, until the request is processed.
create table server_status_requests (
    request_id    uuid        primary key,
    cluster_id    text        not null,
    cluster_name  text        not null,
    requested_by  text,
    requested_at  timestamptz not null,
    first_seen_at timestamptz not null,
    phase         text        not null default 'New' check (phase in ('New', 'Processed')),
    processed_at  timestamptz,
    -- The trace the request arrived in: closing it after the window continues that trace.
    trace_parent  text,
    -- The ServerStatusRequest resource the request came from, if any: its status is written back.
    source_namespace text,
    source_name      text
);
create index server_status_requests_open on server_status_requests (first_seen_at) where phase = 'New';

create table server_status_replies (
    request_id  uuid        not null references server_status_requests (request_id) on delete cascade,
    service     text        not null,
    instance    text        not null,
    version     text        not null,
    plugins     jsonb       not null,
    -- The clusters the instance could reach when it answered.
    clusters    jsonb       not null default '[]',
    reported_at timestamptz not null,
    primary key (request_id, service, instance)
);
