-- Finding one person's rows without reading whole tables: the withdrawal form (whose answer must not take longer
-- for an address the server holds) and `voix forget` look people up by these columns.
-- Signatures by the keyed hash of the address alone (the unique index is per campaign).
CREATE INDEX signatures_email_key ON signatures (email_key);
-- Server letters by their sender's (normalised) address.
CREATE INDEX letter_requests_sender_email ON letter_requests (sender_email);
-- Withdrawal requests by address.
CREATE INDEX withdrawal_requests_email ON withdrawal_requests (email);
-- Emails to or from a person still in the outbox.
CREATE INDEX outbox_recipient_email ON outbox (recipient_email);
CREATE INDEX outbox_reply_to_email ON outbox (reply_to_email);
