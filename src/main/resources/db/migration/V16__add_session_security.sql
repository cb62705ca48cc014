-- Sessions end when the rights they were granted for change (issue 14, items 3, 4 and 6).
--
-- security_stamp: a random number renewed whenever a user's sessions must end (password,
-- two-factor authentication, role or username changed, deactivated; every user after a backup
-- import). A dashboard session carries the stamp it was opened with and is logged out at its
-- next request once the two differ. Rows from before this migration get 0 and keep it until
-- their next change; sessions opened before it carry no stamp and end at once.
ALTER TABLE users ADD security_stamp BIGINT DEFAULT 0 NOT NULL;

-- The TOTP time step (Unix seconds / 30) of the last code accepted from this user: a code of
-- the same or an earlier step is a replay and is refused.
ALTER TABLE users ADD totp_last_step BIGINT;

-- Remember-me logins, as Spring Security's JdbcTokenRepositoryImpl reads and writes them: the
-- cookie holds a random series and token, so nothing in a backup lets anyone forge one, and a
-- login is revoked by deleting its row. Never carried by a backup.
CREATE TABLE persistent_logins (
    series VARCHAR(64) NOT NULL,
    username VARCHAR(255) NOT NULL,
    token VARCHAR(64) NOT NULL,
    last_used ${timestamp} NOT NULL,
    CONSTRAINT pk_persistent_logins PRIMARY KEY (series)
);
CREATE INDEX ix_persistent_logins_username ON persistent_logins (username);

-- The key that signed the old remember-me cookies (with the password hash, both in every
-- backup): removing it ends every cookie of the old kind.
DELETE FROM settings WHERE name = 'remember_me_key';
