-- The fast track's registration materials (issue #14): 营业执照, 社保缴纳证明, the signed and sealed
-- 承诺书, R&D proof, uploaded by the firm's people. See crate::firms::registration::files.
--
-- A file belongs to one registration row and counts for it only (a later round that starts a
-- new row copies the rows it keeps: store::copy_files). The contents are in assistance_blobs,
-- shared with the rights-assistance files (one row per distinct content); the deletion of
-- unused contents (crate::files::blobs::delete_unused) looks at both tables of file rows.
CREATE TABLE registration_files (
    id              INTEGER PRIMARY KEY,
    registration_id INTEGER NOT NULL REFERENCES registrations (id),
    purpose         TEXT NOT NULL CHECK (purpose IN
                    ('business_licence', 'social_insurance', 'declaration', 'rnd_proof')),
    sha256          BLOB NOT NULL REFERENCES assistance_blobs (sha256),
    -- As uploaded, tidied (no path, no control characters, at most 120 characters).
    name            TEXT NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('jpeg', 'png', 'webp', 'heic', 'pdf')),
    size            INTEGER NOT NULL CHECK (size > 0),
    uploaded_at     INTEGER NOT NULL,
    uploaded_by     INTEGER NOT NULL REFERENCES firm_people (id)
);

CREATE INDEX registration_files_by_registration ON registration_files (registration_id, purpose);
CREATE INDEX registration_files_by_content ON registration_files (sha256);
