-- Spring Modulith's event publication log (V7) is no longer used: every side effect that must
-- survive a crash is written in the transaction of the change itself (the notification outbox,
-- the audit log), and the rest (page cache, monitor schedule) lives in memory and is rebuilt on
-- start. See docs/persistence.md.
DROP TABLE EVENT_PUBLICATION;
