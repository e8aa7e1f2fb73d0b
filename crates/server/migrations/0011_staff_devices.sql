-- Browsers an account has signed in on (the known-device cookie, see staff::cookies): a browser
-- listed here for an account is not stopped by the limit on failed logins of that username from
-- all addresses together. Only the SHA-256 of the cookie is kept; one browser keeps one id for
-- every account signed in on it.
CREATE TABLE staff_devices (
    id_hash    BLOB NOT NULL CHECK (length(id_hash) = 32),
    account_id INTEGER NOT NULL REFERENCES staff_accounts (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    -- 90 days after the last successful login on it.
    expires_at INTEGER NOT NULL,
    PRIMARY KEY (id_hash, account_id)
);

CREATE INDEX staff_devices_by_expiry ON staff_devices (expires_at);
