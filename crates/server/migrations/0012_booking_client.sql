-- Where each booking came from, so that new bookings can be limited per client address and the
-- desk can see many bookings made from one place (booking::per_address). Not the address itself:
-- a keyed SHA-256 of its limit key (an IPv4 address, or an IPv6 /64), cut to 16 bytes, with a
-- key made at first start and kept in server_secrets, so a copy of the bookings alone does not
-- give the addresses back. NULL for bookings made before this column existed.
ALTER TABLE bookings ADD COLUMN client_tag BLOB;

CREATE INDEX bookings_by_client_tag ON bookings (client_tag, created_at);

-- Random keys the server makes once and every server process shares.
CREATE TABLE server_secrets (
    name  TEXT PRIMARY KEY,
    value BLOB NOT NULL
);

INSERT INTO server_secrets (name, value) VALUES ('booking_client_tag', randomblob(32));
