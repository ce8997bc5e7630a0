-- Accounts that can sign in. The role comes from this table only; no endpoint changes it.
CREATE TABLE user_account (
    id             VARCHAR(64)  NOT NULL PRIMARY KEY,
    institution_id VARCHAR(64)  NOT NULL,
    role           VARCHAR(16)  NOT NULL,
    token_version  BIGINT       NOT NULL DEFAULT 1,
    -- bcrypt hash, cost 12 or more.
    password_hash  VARCHAR(100) NOT NULL,
    active         BOOLEAN      NOT NULL DEFAULT TRUE,
    CONSTRAINT user_account_role CHECK (role IN ('STUDENT', 'EDUCATOR', 'ADMINISTRATOR', 'RESEARCHER'))
);

-- Courses a user belongs to (as student or educator); they go into the token's courses claim.
CREATE TABLE course_membership (
    user_id   VARCHAR(64) NOT NULL REFERENCES user_account (id),
    course_id VARCHAR(64) NOT NULL,
    PRIMARY KEY (user_id, course_id)
);

-- Services that may request client_credentials tokens.
CREATE TABLE service_client (
    client_id   VARCHAR(64)  NOT NULL PRIMARY KEY,
    -- bcrypt hash of the client secret.
    secret_hash VARCHAR(100) NOT NULL,
    -- Space-separated lists.
    scopes      VARCHAR(500) NOT NULL,
    audiences   VARCHAR(500) NOT NULL,
    active      BOOLEAN      NOT NULL DEFAULT TRUE
);
