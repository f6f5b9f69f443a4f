-- Messages a state change causes, written in the same transaction as the change and published afterwards.
create table outbox_messages (
    sequence      bigint generated always as identity primary key,
    message_id    uuid        not null unique,
    message_type  text        not null,
    body          jsonb       not null,
    trace_parent  text,
    trace_state   text,
    created_at    timestamptz not null,
    dispatched_at timestamptz
);
create index outbox_messages_pending on outbox_messages (sequence) where dispatched_at is null;

-- Messages a consumer has already applied: a redelivery finds its row and changes nothing twice.
create table inbox_messages (
    consumer     text        not null,
    message_id   uuid        not null,
    processed_at timestamptz not null,
    primary key (consumer, message_id)
);
create index inbox_messages_processed_at on inbox_messages (processed_at);
