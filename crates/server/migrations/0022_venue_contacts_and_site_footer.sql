-- Where to go and who runs this site (issue #18).
--
-- Venue contacts: `venues` has held nullable address, phone and opening hours since 0001 (the
-- public documents give none); administrators now enter them, with a map link, for every venue
-- of the service network. NULL: not entered, and shown nowhere.
ALTER TABLE venues ADD COLUMN map_url TEXT;
ALTER TABLE venues ADD COLUMN contacts_updated_at INTEGER;
ALTER TABLE venues ADD COLUMN contacts_updated_by INTEGER REFERENCES staff_accounts (id);

-- The site footer's administrator data (portal_domain::api::site::SiteFooter): 主办单位,
-- 网站标识码, ICP 备案号, 公安备案号. No row, or NULL: not entered, and shown nowhere.
CREATE TABLE site_settings (
    id                     INTEGER PRIMARY KEY CHECK (id = 1),
    host_organisation      TEXT,
    website_code           TEXT,
    icp_number             TEXT,
    public_security_number TEXT,
    updated_at             INTEGER NOT NULL,
    updated_by             INTEGER REFERENCES staff_accounts (id)
);
