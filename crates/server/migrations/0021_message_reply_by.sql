-- The day the center asks for more material by (issue #18): set by the case handler with a
-- request for more material (no published rule fixes one), shown to the applicant on the
-- tracking page and, masked lookups included, with "the center waits for material".
ALTER TABLE assistance_messages ADD COLUMN reply_by TEXT;
