-- Single sign-on (issue 17): a user who signs in through an identity provider (OpenID Connect or
-- an LDAP / Active Directory directory) is linked to it by the provider's stable subject (the
-- OIDC "sub" claim, the directory's DN), never by a name or an e-mail address the provider may
-- give to someone else later.
--
-- provider: "oidc:<registration id>" or "ldap".
-- last_sign_in_at: when the link was last used, for the team page.
CREATE TABLE user_identities (
    id ${id_column},
    user_id BIGINT NOT NULL,
    provider VARCHAR(100) NOT NULL,
    subject VARCHAR(255) NOT NULL,
    created_at ${timestamp} NOT NULL,
    last_sign_in_at ${timestamp} NOT NULL,
    CONSTRAINT uk_user_identities_subject UNIQUE (provider, subject),
    CONSTRAINT fk_user_identities_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX ix_user_identities_user ON user_identities (user_id);

-- Whether the user has a password of their own: false for a user created by a first sign-in
-- through a provider (their password column holds the BCrypt hash of a random secret nobody
-- knows, so the login form can never open their account).
ALTER TABLE users ADD password_login BOOLEAN DEFAULT TRUE NOT NULL;
