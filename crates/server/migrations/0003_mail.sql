-- Email (issue 6): letters the server sends for people once they confirm them, the durable queue of every email
-- Voix sends, and requests to withdraw consent.
--
-- Same SQL as 0002 (TEXT and BIGINT only, times in seconds since 1970-01-01 UTC, ids made by Voix), so it runs
-- on SQLite and PostgreSQL alike.
--
-- Personal data: the sender's name, email, postal code and letter in `letter_requests` and in the composed emails
-- of `outbox`. `voix purge` deletes letter texts N days after delivery (the campaign's letter.retention_days) and
-- expires unconfirmed requests after 7 days.

-- A letter a person asked the server to send. Nothing goes to the recipients until the person confirms it.
CREATE TABLE letter_requests (
    id TEXT PRIMARY KEY,
    campaign_id TEXT NOT NULL,
    -- SHA-256 (hex) of the confirmation link's secret: the link itself is only in the person's email.
    token_hash TEXT NOT NULL UNIQUE,
    sender_name TEXT NOT NULL,
    sender_email TEXT NOT NULL,
    postal_code TEXT NOT NULL,
    -- The riding's name, when the person confirmed one.
    riding TEXT,
    -- "en" or "fr".
    lang TEXT NOT NULL,
    subject TEXT NOT NULL,
    -- Emptied by `voix purge` (see body_deleted_at).
    body TEXT NOT NULL,
    -- The recipients as a JSON array of {"name", "email"}.
    recipients TEXT NOT NULL,
    -- The base of the links in emails ("https://action.example.org").
    public_url TEXT NOT NULL,
    -- Days the letter is kept after delivery (the campaign's setting when it was written).
    retention_days BIGINT NOT NULL,
    -- "pending", "confirmed" or "expired".
    status TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    confirmed_at BIGINT,
    body_deleted_at BIGINT
);

-- Every email Voix sends, composed when queued. A row is "queued" until a worker leases it ("sending" with
-- lease_until), then "sent" (message_id recorded) or "failed" (last_error). A row whose lease expired (the
-- process died mid-send) is sent again, with the same Message-ID.
CREATE TABLE outbox (
    -- Time-ordered, as petition ids; also the Message-ID's left part.
    id TEXT PRIMARY KEY,
    -- "letter_confirmation", "letter", "delivery_failed" or "withdrawal_confirmation".
    kind TEXT NOT NULL,
    campaign_id TEXT NOT NULL,
    -- The letter request a "letter" or "delivery_failed" row belongs to.
    request_id TEXT,
    recipient_email TEXT NOT NULL,
    recipient_name TEXT NOT NULL,
    -- The display name beside the sending address, and where replies go (the sender, for letters).
    from_name TEXT NOT NULL,
    reply_to_email TEXT,
    reply_to_name TEXT,
    -- For the hourly caps: the sender's lower-case email, and the office (recipient) a letter goes to.
    cap_sender TEXT,
    cap_office TEXT,
    lang TEXT NOT NULL,
    subject TEXT NOT NULL,
    body_text TEXT NOT NULL,
    body_html TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts BIGINT NOT NULL,
    next_attempt_at BIGINT NOT NULL,
    lease_until BIGINT,
    last_error TEXT,
    message_id TEXT,
    created_at BIGINT NOT NULL,
    -- When it was sent, or failed for good.
    finished_at BIGINT
);

-- What the worker scans: due rows by time.
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
-- The hourly caps, and the rows of one letter.
CREATE INDEX outbox_cap_sender ON outbox (cap_sender, finished_at);
CREATE INDEX outbox_cap_office ON outbox (cap_office, finished_at);
CREATE INDEX outbox_request ON outbox (request_id);

-- A request to withdraw every consent of an email address, waiting for the person to confirm it.
CREATE TABLE withdrawal_requests (
    token_hash TEXT PRIMARY KEY,
    email TEXT NOT NULL,
    lang TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    confirmed_at BIGINT
);
