-- A firm's requests for extra pre-examination quota (增量额度, issue #15): how many more requests
-- in which year and why, asked online by one of its people; answered when an administrator saves
-- the firm's quota (granted if the extra quota went up, else declined). At most one open
-- (unanswered) request per firm.
CREATE TABLE pre_exam_quota_requests (
    id          INTEGER PRIMARY KEY,
    firm_id     INTEGER NOT NULL REFERENCES firms (id),
    year        INTEGER NOT NULL,
    extra       INTEGER NOT NULL CHECK (extra >= 1),
    reason      TEXT NOT NULL,
    asked_at    INTEGER NOT NULL,
    asked_by    INTEGER REFERENCES firm_people (id),
    answered_at INTEGER,
    answered_by INTEGER REFERENCES staff_accounts (id),
    outcome     TEXT CHECK (outcome IN ('granted', 'declined')),
    CHECK ((answered_at IS NULL) = (outcome IS NULL))
);

CREATE UNIQUE INDEX pre_exam_quota_requests_one_open
    ON pre_exam_quota_requests (firm_id) WHERE answered_at IS NULL;
CREATE INDEX pre_exam_quota_requests_firm ON pre_exam_quota_requests (firm_id, asked_at);
