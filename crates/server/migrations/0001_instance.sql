-- Voix's first migration: the identity of this Voix instance, and nothing else yet.
-- Signatures and letters come in later migrations. No personal data is stored here.
--
-- Written in the SQL that SQLite and PostgreSQL share: the same file runs on both through sqlx's Any driver.

CREATE TABLE instance (
    -- Always 1: the CHECK and the primary key keep the table to a single row, so start-up can insert it with
    -- ON CONFLICT DO NOTHING without racing another process.
    singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
    -- A random id (32 lowercase hex digits) chosen on first start.
    id TEXT NOT NULL,
    -- When the instance was first started, in seconds since 1970-01-01 UTC.
    created_at BIGINT NOT NULL
);
