-- Several nodes send from the same outbox (cluster mode): a node claims deliveries with a
-- token of its own and sends only those it holds; a claim older than the lease (a node
-- that died while sending) is given back to the queue.
ALTER TABLE deliveries ADD claim_token VARCHAR(36);
ALTER TABLE deliveries ADD claimed_at ${timestamp};
