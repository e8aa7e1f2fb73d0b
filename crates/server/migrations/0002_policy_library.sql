-- The policy library (政策解读): public government documents as a tree of sections, with the Q&As
-- of press conferences and the quantified targets of plans. Imported from data/seed/policies/
-- on first start; afterwards the database is the source, so staff can correct or add content
-- here (the server reads it at start-up).
--
-- Lists of strings (paragraphs, topics, audiences) are JSON arrays: they are always read and
-- written whole, and a table per list would only add joins. The CHECKs keep them arrays.
-- Topics and audiences are checked against their fixed lists when the server starts.

CREATE TABLE policy_documents (
    slug        TEXT PRIMARY KEY,
    source_file TEXT NOT NULL,
    title       TEXT NOT NULL,
    issuer      TEXT NOT NULL,
    doc_number  TEXT,
    -- Only as precise as the source: YYYY-MM-DD or YYYY-MM.
    date        TEXT CHECK (date IS NULL
                            OR date GLOB '[12][0-9][0-9][0-9]-[01][0-9]'
                            OR date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    kind        TEXT NOT NULL CHECK (kind IN ('press_conference', 'plan',
                                              'regulation_interpretation', 'work_report')),
    region      TEXT NOT NULL,
    -- The order of the list.
    position    INTEGER NOT NULL
);

-- One row per section at any level. The tree is rebuilt from parent_id and position; depth
-- (0 for top level) is redundant but lets an editor or a query pick a level without recursion.
-- Ids are the anchors of links (`s3-2`), so they stay when sections move.
CREATE TABLE policy_sections (
    doc_slug   TEXT NOT NULL REFERENCES policy_documents (slug) ON DELETE CASCADE ON UPDATE CASCADE,
    id         TEXT NOT NULL,
    parent_id  TEXT,
    -- Among its siblings, from 1.
    position   INTEGER NOT NULL,
    depth      INTEGER NOT NULL CHECK (depth >= 0),
    number     TEXT,
    heading    TEXT,
    paragraphs TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(paragraphs) AND json_type(paragraphs) = 'array'),
    topics     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(topics) AND json_type(topics) = 'array'),
    audiences  TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(audiences) AND json_type(audiences) = 'array'),
    PRIMARY KEY (doc_slug, id),
    FOREIGN KEY (doc_slug, parent_id) REFERENCES policy_sections (doc_slug, id)
        ON DELETE CASCADE ON UPDATE CASCADE,
    CHECK ((parent_id IS NULL) = (depth = 0))
);

CREATE INDEX policy_sections_by_parent ON policy_sections (doc_slug, parent_id, position);

CREATE TABLE policy_qas (
    doc_slug  TEXT NOT NULL REFERENCES policy_documents (slug) ON DELETE CASCADE ON UPDATE CASCADE,
    id        TEXT NOT NULL,
    position  INTEGER NOT NULL,
    question  TEXT NOT NULL,
    asker     TEXT,
    topics    TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(topics) AND json_type(topics) = 'array'),
    audiences TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(audiences) AND json_type(audiences) = 'array'),
    PRIMARY KEY (doc_slug, id)
);

-- Every Q&A of the seeds has one answer, but a question can be answered by several speakers.
CREATE TABLE policy_answers (
    doc_slug   TEXT NOT NULL,
    qa_id      TEXT NOT NULL,
    position   INTEGER NOT NULL,
    speaker    TEXT NOT NULL,
    role       TEXT NOT NULL,
    paragraphs TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(paragraphs) AND json_type(paragraphs) = 'array'),
    PRIMARY KEY (doc_slug, qa_id, position),
    FOREIGN KEY (doc_slug, qa_id) REFERENCES policy_qas (doc_slug, id)
        ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE policy_targets (
    doc_slug        TEXT NOT NULL REFERENCES policy_documents (slug) ON DELETE CASCADE ON UPDATE CASCADE,
    id              TEXT NOT NULL,
    position        INTEGER NOT NULL,
    indicator       TEXT NOT NULL,
    -- As written (`7.8万件`); the number is in `unit` with 万 multiplied out (78000).
    target_value    TEXT NOT NULL,
    target_number   REAL NOT NULL,
    unit            TEXT NOT NULL,
    target_year     INTEGER NOT NULL,
    baseline        TEXT,
    baseline_year   INTEGER,
    baseline_source TEXT,
    section_id      TEXT NOT NULL,
    PRIMARY KEY (doc_slug, id),
    FOREIGN KEY (doc_slug, section_id) REFERENCES policy_sections (doc_slug, id)
        ON UPDATE CASCADE
);
