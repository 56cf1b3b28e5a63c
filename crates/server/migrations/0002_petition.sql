-- The petition (issue 5): signatures, the consent ledger, idempotency records, anonymous counts, letter counts and
-- organisers' access tokens.
--
-- Written in the SQL that SQLite and PostgreSQL share: TEXT and BIGINT only (times are seconds since 1970-01-01
-- UTC), ids made by Voix (random hex) instead of auto-increment, and upserts with ON CONFLICT.
--
-- What is personal data, and where: only `signatures` (the person's answers) and, through `signature_id`, the
-- rows of `consents` and `idempotency_keys` that point at it. `voix forget` deletes all three; the counts tables
-- hold no one and keep the totals.

-- Secrets this instance makes on first start: the key of the email hashes below.
CREATE TABLE instance_secrets (
    name TEXT PRIMARY KEY,
    -- 64 hex digits (256 random bits).
    value TEXT NOT NULL
);

-- One row per person per campaign.
CREATE TABLE signatures (
    -- 32 hex digits: the time in nanoseconds (16), then random (16), so ids sort by when they were made.
    id TEXT PRIMARY KEY,
    campaign_id TEXT NOT NULL,
    -- HMAC-SHA-256 of the normalised email under the instance's secret: what uniqueness, `voix forget` and the
    -- rate limits look people up by, so none of them needs the address itself.
    email_key TEXT NOT NULL,
    -- Trimmed and in lower case. Kept to reach the person (consent, and the confirmation email of a later version).
    email TEXT NOT NULL,
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    -- "K1A 0A6".
    postal_code TEXT NOT NULL,
    -- The riding's FED_NUM, when the person confirmed it (or their postal code has only one).
    riding BIGINT,
    -- The partner whose site the person signed on; NULL on the organiser's own page.
    partner_id TEXT,
    -- "en" or "fr".
    lang TEXT NOT NULL,
    comment TEXT,
    -- The answers to the campaign's own fields, as a JSON object {"field-id": "answer"}.
    answers TEXT NOT NULL,
    -- "recorded" for now. The next version confirms signatures by email and will add "confirmed".
    status TEXT NOT NULL,
    signed_at BIGINT NOT NULL,
    -- How many rows `consents` holds for this signature: each new row takes the next number, so rows are
    -- ordered even within one second (and bumping it locks the signature against a concurrent update).
    consent_entries BIGINT NOT NULL,
    UNIQUE (campaign_id, email_key)
);

-- The exact texts of consent boxes that people ticked, by version (the SHA-256 of the text).
CREATE TABLE consent_wordings (
    version TEXT PRIMARY KEY,
    lang TEXT NOT NULL,
    text TEXT NOT NULL,
    first_recorded_at BIGINT NOT NULL
);

-- The consent ledger. Rows are only ever added: a later row for the same signature and organisation supersedes
-- the earlier ones, which stay as the record of what the person agreed to and when.
CREATE TABLE consents (
    signature_id TEXT NOT NULL REFERENCES signatures (id),
    -- The signature's entry number (see signatures.consent_entries).
    entry BIGINT NOT NULL,
    campaign_id TEXT NOT NULL,
    -- Who may contact the person: "organiser" or "partner:{partner id}".
    organisation TEXT NOT NULL,
    -- "given" or "withdrawn".
    action TEXT NOT NULL,
    -- The text the person read (for "given").
    wording_version TEXT REFERENCES consent_wordings (version),
    lang TEXT NOT NULL,
    -- The partner whose site showed the box; NULL on the organiser's own page (or for a withdrawal by an
    -- organiser).
    site_partner_id TEXT,
    recorded_at BIGINT NOT NULL,
    PRIMARY KEY (signature_id, entry)
);

-- Replies already given to a submission's idempotency key, so that a retry gets the same answer. Kept a day.
CREATE TABLE idempotency_keys (
    campaign_id TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    -- SHA-256 of the submission's answers: the same key with other answers is refused.
    fingerprint TEXT NOT NULL,
    signature_id TEXT REFERENCES signatures (id),
    response_status BIGINT NOT NULL,
    -- The JSON reply: counts only.
    response_body TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (campaign_id, idempotency_key)
);

-- No other index on these tables: each costs every signature a random write, and only the rare commands (an
-- export, `voix forget`, the daily pruning) would use them. Signature ids start with the time, so new rows go at
-- the end of `signatures` and `consents`.

-- Anonymous signature counts, kept when a person is forgotten.
CREATE TABLE signature_counts (
    campaign_id TEXT NOT NULL,
    -- The riding's FED_NUM, 0 when not known.
    riding BIGINT NOT NULL,
    -- The partner, '' for the organiser's own page.
    partner_id TEXT NOT NULL,
    signatures BIGINT NOT NULL,
    PRIMARY KEY (campaign_id, riding, partner_id)
);

-- Letters sent, counted only: no text, no sender.
CREATE TABLE letter_counts (
    campaign_id TEXT NOT NULL,
    riding BIGINT NOT NULL,
    partner_id TEXT NOT NULL,
    -- "own_mp" or "extra:N" (the campaign's letter.targets.extra[N]).
    target TEXT NOT NULL,
    -- "email_app", "copy" or "print".
    channel TEXT NOT NULL,
    letters BIGINT NOT NULL,
    PRIMARY KEY (campaign_id, riding, partner_id, target, channel)
);

-- Organisers' access tokens for /api/admin/ (`voix token create`). Only the SHA-256 of each token is kept.
CREATE TABLE admin_tokens (
    name TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL
);
