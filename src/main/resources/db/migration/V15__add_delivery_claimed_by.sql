-- The node that holds a claim (its stable node id, see NodeIdentity): a node starting up
-- takes back its own unfinished claims at once, without waiting for their lease to run out;
-- while it works it renews the lease (claimed_at) of the claims it holds.
ALTER TABLE deliveries ADD claimed_by VARCHAR(64);
CREATE INDEX ix_deliveries_claimed_by ON deliveries (claimed_by, status);
