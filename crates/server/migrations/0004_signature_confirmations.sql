-- Double opt-in for petitions (issue 6): the confirmation links emailed to signers of campaigns with
-- petition.confirm_by_email. The signature is stored with status "pending" and counted once its link is
-- confirmed (POST); `voix purge` deletes pending signatures, their consents and these rows after 7 days.
CREATE TABLE signature_confirmations (
    -- SHA-256 (hex) of the link's secret.
    token_hash TEXT PRIMARY KEY,
    signature_id TEXT NOT NULL,
    lang TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    confirmed_at BIGINT
);
