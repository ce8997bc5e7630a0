-- Schema of the writing-analysis service. The SQL runs unchanged on H2 2.x and PostgreSQL 15+.
-- Timestamps are TIMESTAMP WITH TIME ZONE and always written in UTC.

-- Course directory: institutions, users, courses, teaching assignments, enrolments, cohorts.
CREATE TABLE institution (
    id              VARCHAR(128) PRIMARY KEY,
    name            VARCHAR(200) NOT NULL,
    time_zone       VARCHAR(64)  NOT NULL DEFAULT 'UTC',
    -- Subjects younger than this need guardian consent (13 to 18).
    consent_age     INTEGER      NOT NULL DEFAULT 13 CHECK (consent_age BETWEEN 13 AND 18)
);

CREATE TABLE directory_user (
    id              VARCHAR(128) PRIMARY KEY,
    institution_id  VARCHAR(128) NOT NULL REFERENCES institution (id),
    role            VARCHAR(16)  NOT NULL CHECK (role IN ('STUDENT', 'EDUCATOR', 'ADMINISTRATOR', 'RESEARCHER')),
    birth_date      DATE,
    -- Tokens with a lower version than this are revoked.
    token_version   BIGINT       NOT NULL DEFAULT 1
);

CREATE TABLE course (
    id              VARCHAR(128) PRIMARY KEY,
    institution_id  VARCHAR(128) NOT NULL REFERENCES institution (id),
    title           VARCHAR(200) NOT NULL,
    status          VARCHAR(16)  NOT NULL CHECK (status IN ('active', 'ended', 'archived')),
    -- Last day of the course; educators keep access to its students for 90 days after it.
    end_date        DATE
);

CREATE TABLE course_instructor (
    course_id       VARCHAR(128) NOT NULL REFERENCES course (id),
    educator_id     VARCHAR(128) NOT NULL REFERENCES directory_user (id),
    PRIMARY KEY (course_id, educator_id)
);

CREATE TABLE enrolment (
    course_id       VARCHAR(128) NOT NULL REFERENCES course (id),
    student_id      VARCHAR(128) NOT NULL REFERENCES directory_user (id),
    status          VARCHAR(16)  NOT NULL CHECK (status IN ('active', 'withdrawn', 'completed')),
    enrolled_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (course_id, student_id)
);

CREATE INDEX enrolment_by_student ON enrolment (student_id);

CREATE TABLE cohort (
    id              VARCHAR(128) PRIMARY KEY,
    institution_id  VARCHAR(128) NOT NULL REFERENCES institution (id),
    name            VARCHAR(200) NOT NULL
);

CREATE TABLE cohort_course (
    cohort_id       VARCHAR(128) NOT NULL REFERENCES cohort (id),
    course_id       VARCHAR(128) NOT NULL REFERENCES course (id),
    PRIMARY KEY (cohort_id, course_id)
);

-- Consent decisions; the latest decision per subject and purpose counts, and an expired one counts
-- as absent.
CREATE TABLE consent_decision (
    id              VARCHAR(64)  PRIMARY KEY,
    subject_id      VARCHAR(128) NOT NULL,
    purpose         VARCHAR(64)  NOT NULL,
    granted         BOOLEAN      NOT NULL,
    withdrawn       BOOLEAN      NOT NULL DEFAULT FALSE,
    source          VARCHAR(16)  NOT NULL CHECK (source IN ('student', 'guardian', 'institution')),
    decided_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE
);

CREATE INDEX consent_by_subject ON consent_decision (subject_id, purpose, decided_at);

-- One snapshot per writing session: cumulative, minimised metrics (replaced on each update).
CREATE TABLE writing_session (
    session_id      VARCHAR(128) PRIMARY KEY,
    owner_id        VARCHAR(128) NOT NULL,
    assignment_id   VARCHAR(128),
    word_count      INTEGER      NOT NULL CHECK (word_count >= 0),
    time_spent      INTEGER      NOT NULL CHECK (time_spent >= 0),
    revisions       INTEGER      NOT NULL CHECK (revisions >= 0),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX writing_session_by_owner ON writing_session (owner_id, updated_at);

-- Reflection scores. NOTE: the reflection text is not stored until encryption at rest exists.
CREATE TABLE reflection_record (
    id                  VARCHAR(36)  PRIMARY KEY,
    subject_id          VARCHAR(128) NOT NULL,
    assignment_id       VARCHAR(128),
    overall             INTEGER      NOT NULL CHECK (overall BETWEEN 0 AND 100),
    depth               INTEGER      NOT NULL CHECK (depth BETWEEN 0 AND 100),
    self_awareness      INTEGER      NOT NULL CHECK (self_awareness BETWEEN 0 AND 100),
    critical_thinking   INTEGER      NOT NULL CHECK (critical_thinking BETWEEN 0 AND 100),
    growth_mindset      INTEGER      NOT NULL CHECK (growth_mindset BETWEEN 0 AND 100),
    specificity         INTEGER      NOT NULL CHECK (specificity BETWEEN 0 AND 100),
    sensitivity_level   VARCHAR(16)  NOT NULL,
    scorer_version      VARCHAR(32)  NOT NULL,
    text_redacted       BOOLEAN      NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX reflection_by_subject ON reflection_record (subject_id, created_at);

-- Metadata of content retained on request. NOTE: the text itself is not stored until encryption
-- at rest exists.
CREATE TABLE retained_content (
    id                  VARCHAR(36)  PRIMARY KEY,
    subject_id          VARCHAR(128) NOT NULL,
    course_id           VARCHAR(128),
    assignment_id       VARCHAR(128),
    content_length      INTEGER      NOT NULL CHECK (content_length >= 0),
    redacted            BOOLEAN      NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at          TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX retained_content_by_subject ON retained_content (subject_id);

-- Append-only, hash-chained audit trail. Rows are never updated or deleted by the application.
CREATE TABLE audit_event (
    seq                 BIGINT       PRIMARY KEY CHECK (seq >= 1),
    event_id            VARCHAR(36)  NOT NULL UNIQUE,
    occurred_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_pseudonym     CHAR(64)     NOT NULL,
    actor_role          VARCHAR(16)  NOT NULL,
    subject_pseudonym   CHAR(64),
    category            VARCHAR(32)  NOT NULL,
    action              VARCHAR(64)  NOT NULL,
    resource_type       VARCHAR(128) NOT NULL,
    resource_pseudonym  CHAR(64),
    purpose             VARCHAR(64),
    legal_basis         VARCHAR(32)  NOT NULL,
    outcome             VARCHAR(16)  NOT NULL CHECK (outcome IN ('success', 'failure', 'partial')),
    correlation_id      VARCHAR(64)  NOT NULL,
    trace_id            VARCHAR(32),
    privacy_level       VARCHAR(16)  NOT NULL,
    compliance_gdpr     BOOLEAN      NOT NULL,
    compliance_ferpa    BOOLEAN      NOT NULL,
    compliance_coppa    BOOLEAN      NOT NULL,
    -- Redacted JSON object; never content.
    details             VARCHAR(65536) NOT NULL,
    prev_hash           CHAR(64)     NOT NULL,
    entry_hash          CHAR(64)     NOT NULL
);

CREATE INDEX audit_event_by_subject ON audit_event (subject_pseudonym, occurred_at);
CREATE INDEX audit_event_by_actor ON audit_event (actor_pseudonym, occurred_at);

-- The single chain head: appends lock this row (SELECT ... FOR UPDATE) so that they are serialised.
CREATE TABLE audit_chain_head (
    id                  INTEGER      PRIMARY KEY CHECK (id = 1),
    last_seq            BIGINT       NOT NULL,
    last_hash           CHAR(64)     NOT NULL
);

INSERT INTO audit_chain_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TABLE audit_checkpoint (
    seq                 BIGINT       PRIMARY KEY,
    entry_hash          CHAR(64)     NOT NULL,
    signed_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    key_id              VARCHAR(64)  NOT NULL,
    signature           VARCHAR(128) NOT NULL
);

-- Differential-privacy budget: one account per (scope, target) plus its ledger of charges and grants.
CREATE TABLE privacy_budget (
    scope               VARCHAR(16)  NOT NULL CHECK (scope IN ('class', 'cohort')),
    target_id           VARCHAR(128) NOT NULL,
    granted             NUMERIC(20, 10) NOT NULL,
    spent               NUMERIC(20, 10) NOT NULL DEFAULT 0,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (scope, target_id)
);

CREATE TABLE privacy_budget_ledger (
    id                  VARCHAR(36)  PRIMARY KEY,
    scope               VARCHAR(16)  NOT NULL,
    target_id           VARCHAR(128) NOT NULL,
    kind                VARCHAR(16)  NOT NULL CHECK (kind IN ('charge', 'grant')),
    epsilon             NUMERIC(20, 10) NOT NULL CHECK (epsilon > 0),
    correlation_id      VARCHAR(64),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX privacy_budget_ledger_by_target ON privacy_budget_ledger (scope, target_id, created_at);

-- Noised answers of the current UTC day, so that repeating a query cannot average the noise away.
CREATE TABLE dp_answer_cache (
    scope               VARCHAR(16)  NOT NULL,
    target_id           VARCHAR(128) NOT NULL,
    timeframe           VARCHAR(16)  NOT NULL,
    recipient_role      VARCHAR(16)  NOT NULL,
    utc_day             DATE         NOT NULL,
    answer              VARCHAR(1048576) NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (scope, target_id, timeframe, recipient_role, utc_day)
);

-- Transactional outbox: events are written with the data change and published afterwards.
CREATE TABLE outbox_event (
    id                  BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    event_id            VARCHAR(36)  NOT NULL UNIQUE,
    type                VARCHAR(64)  NOT NULL,
    envelope            VARCHAR(1048576) NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    published_at        TIMESTAMP WITH TIME ZONE,
    attempts            INTEGER      NOT NULL DEFAULT 0,
    last_error          VARCHAR(500)
);

CREATE INDEX outbox_event_pending ON outbox_event (published_at, id);

-- Stored responses of requests sent with an Idempotency-Key, kept 7 days.
CREATE TABLE idempotency_key (
    idempotency_key     VARCHAR(255) NOT NULL,
    caller_pseudonym    CHAR(64)     NOT NULL,
    operation           VARCHAR(64)  NOT NULL,
    request_hash        CHAR(64)     NOT NULL,
    response            VARCHAR(1048576) NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (idempotency_key, caller_pseudonym, operation)
);

CREATE INDEX idempotency_key_by_age ON idempotency_key (created_at);
