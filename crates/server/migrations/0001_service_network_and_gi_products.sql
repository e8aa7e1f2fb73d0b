-- The service network ("1+3+N" venues and partner bodies). Contact facts are nullable: the public
-- documents give none, an administrator fills them in.
CREATE TABLE venues (
    id            TEXT PRIMARY KEY,
    kind          TEXT NOT NULL CHECK (kind IN ('center', 'fast_rights_center', 'sub_center', 'partner')),
    status        TEXT NOT NULL CHECK (status IN ('operating', 'being_set_up')),
    name_zh       TEXT NOT NULL,
    name_en       TEXT NOT NULL,
    summary_zh    TEXT NOT NULL,
    summary_en    TEXT NOT NULL,
    address       TEXT,
    phone         TEXT,
    opening_hours TEXT,
    source        TEXT NOT NULL,
    sort_order    INTEGER NOT NULL
);

-- Geographical-indication products, one row per (name_zh, gi_type), from data/seed/gi_products.csv.
-- Empty CSV fields are stored as NULL.
CREATE TABLE gi_products (
    id            TEXT PRIMARY KEY,
    name_zh       TEXT NOT NULL,
    name_en       TEXT,
    pinyin        TEXT NOT NULL,
    province      TEXT,
    city          TEXT,
    category      TEXT,
    gi_type       TEXT,
    approved_year INTEGER,
    announcement  TEXT,
    description   TEXT,
    source        TEXT NOT NULL
);

CREATE INDEX gi_products_by_place ON gi_products (province, city);
