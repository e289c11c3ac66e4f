-- Both backends' schema: migrate.rs puts each backend's words in place of @ID@, @BODY_ID@,
-- @BLOB@ and @STATE_INDEX@ (deliveries by state: Postgres only; SQLite does without, one index less to
-- write for every delivery).
CREATE TABLE deliveries (
    id @ID@,
    dedupe_key TEXT NOT NULL UNIQUE,
    callback TEXT NOT NULL,
    kind TEXT NOT NULL,
    chat TEXT,
    instance TEXT,
    order_key TEXT,
    path TEXT NOT NULL,
    received_at BIGINT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    last_error TEXT,
    finished_at BIGINT
);
-- Bodies apart: the rows that claims and finishes rewrite stay small.
CREATE TABLE delivery_bodies (
    id @BODY_ID@,
    body @BLOB@ NOT NULL
);
CREATE INDEX deliveries_due ON deliveries (next_attempt_at, id)
    WHERE state IN ('pending', 'in_flight');
CREATE INDEX deliveries_open_by_order ON deliveries (order_key, id)
    WHERE state IN ('pending', 'in_flight');
@STATE_INDEX@
CREATE TABLE inbox_counters (
    name TEXT PRIMARY KEY,
    value BIGINT NOT NULL
);
INSERT INTO inbox_counters (name, value) VALUES ('duplicates', 0);
