-- Idempotency keys of staff changes (staff::replay): claimed before the change is carried out
-- (status NULL until its answer is stored), kept 24 hours. A key belongs to the account that
-- sent it; `fingerprint` is the SHA-256 of the method, path and body.
CREATE TABLE staff_idempotency (
    account_id  INTEGER NOT NULL REFERENCES staff_accounts (id),
    key         TEXT NOT NULL,
    fingerprint BLOB NOT NULL,
    status      INTEGER,
    response    BLOB,
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (account_id, key)
);

CREATE INDEX staff_idempotency_by_age ON staff_idempotency (created_at);
