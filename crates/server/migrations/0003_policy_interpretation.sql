-- Where a policy document explains a regulation in plain words ("what it means for you"): the
-- section that does it and the regulation it explains, as a JSON object
-- {"section_id": "s4", "subject": "《南通市知识产权促进和保护条例》"}; NULL for the other documents.
-- The server checks when it starts that the section exists.

ALTER TABLE policy_documents ADD COLUMN interpretation TEXT
    CHECK (interpretation IS NULL
           OR (json_valid(interpretation)
               AND json_type(interpretation, '$.section_id') = 'text'
               AND json_type(interpretation, '$.subject') = 'text'));

-- A database imported before this migration holds the seed documents without it: give the one
-- seed document that has an interpretation the value of its seed file (data/seed/policies/),
-- as long as its section is still there. A new database is empty here; the import fills it in.
UPDATE policy_documents
SET interpretation = json_object('section_id', 's4',
                                 'subject', '《南通市知识产权促进和保护条例》')
WHERE slug = 'nantong-2025-ip-regulation-press-conference'
  AND EXISTS (SELECT 1 FROM policy_sections
              WHERE policy_sections.doc_slug = policy_documents.slug
                AND policy_sections.id = 's4');
