-- Issue #18: a password an administrator set (a new account, or a reset) must be changed by the
-- account's holder before the workbench does anything else. Accounts that exist keep working.
ALTER TABLE staff_accounts ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
