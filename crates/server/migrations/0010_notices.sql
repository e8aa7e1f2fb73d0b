-- Service notices (通知公告) on the home page, published by administrators in both languages.
-- A withdrawn notice is kept (withdrawn_at set) so the record of what the public was told stays.

CREATE TABLE notices (
    id           INTEGER PRIMARY KEY,
    level        TEXT NOT NULL CHECK (level IN ('info', 'important')),
    title_zh     TEXT NOT NULL CHECK (length(title_zh) > 0),
    title_en     TEXT NOT NULL CHECK (length(title_en) > 0),
    body_zh      TEXT NOT NULL CHECK (length(body_zh) > 0),
    body_en      TEXT NOT NULL CHECK (length(body_en) > 0),
    -- YYYY-MM-DD on the Asia/Shanghai calendar; text compares in date order.
    starts_on    TEXT NOT NULL,
    ends_on      TEXT CHECK (ends_on IS NULL OR ends_on >= starts_on),
    withdrawn_at INTEGER,
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL,
    updated_by   INTEGER REFERENCES staff_accounts (id)
);

CREATE INDEX notices_in_force ON notices (starts_on, ends_on) WHERE withdrawn_at IS NULL;
