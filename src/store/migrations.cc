#include "store/migrations.h"

namespace ringback {

const std::vector<Migration>& SqliteMigrations() {
  static const std::vector<Migration> migrations = {
      {1, R"sql(
CREATE TABLE signals (
  id TEXT PRIMARY KEY,
  channel TEXT NOT NULL,
  received_at INTEGER NOT NULL,
  handle TEXT NOT NULL,
  name TEXT NOT NULL,
  phone_raw TEXT NOT NULL,
  phone TEXT NOT NULL,
  email TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  trade TEXT NOT NULL,
  duration INTEGER NOT NULL,
  answered INTEGER NOT NULL,
  source_file TEXT NOT NULL,
  source_line INTEGER NOT NULL
);
CREATE INDEX signals_by_handle ON signals(handle, received_at);

CREATE TABLE handles (
  handle TEXT PRIMARY KEY,
  contact_key TEXT NOT NULL
);
CREATE INDEX handles_by_contact ON handles(contact_key);

CREATE TABLE attempts (
  id TEXT PRIMARY KEY,
  channel TEXT NOT NULL,
  at INTEGER NOT NULL,
  handle TEXT NOT NULL,
  actor TEXT NOT NULL,
  duration INTEGER NOT NULL,
  source_file TEXT NOT NULL,
  source_line INTEGER NOT NULL
);
CREATE INDEX attempts_by_handle ON attempts(handle, at);

CREATE TABLE estimates (
  id TEXT PRIMARY KEY,
  number TEXT NOT NULL,
  name TEXT NOT NULL,
  phone TEXT NOT NULL,
  email TEXT NOT NULL,
  estimator TEXT NOT NULL,
  trade TEXT NOT NULL,
  status TEXT NOT NULL,
  total_cents INTEGER NOT NULL,
  sent_at INTEGER NOT NULL,
  source_file TEXT NOT NULL,
  source_line INTEGER NOT NULL
);
CREATE INDEX estimates_by_phone ON estimates(phone);
CREATE INDEX estimates_by_email ON estimates(email);

CREATE TABLE rejects (
  file TEXT NOT NULL,
  line INTEGER NOT NULL,
  field TEXT NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY (file, line, field, reason)
);

CREATE TABLE suppressions (
  handle TEXT NOT NULL,
  signal_id TEXT NOT NULL,
  at INTEGER NOT NULL,
  channel TEXT NOT NULL,
  words TEXT NOT NULL,
  lifted_at INTEGER,
  lifted_by TEXT,
  lift_reason TEXT,
  PRIMARY KEY (handle, signal_id)
);

CREATE TABLE opportunities (
  id TEXT PRIMARY KEY,
  contact_key TEXT NOT NULL,
  contact_display TEXT NOT NULL,
  received_at INTEGER NOT NULL,
  channel TEXT NOT NULL,
  channels TEXT NOT NULL,
  category TEXT NOT NULL,
  confidence REAL NOT NULL,
  reasons TEXT NOT NULL,
  trade TEXT NOT NULL,
  owner TEXT NOT NULL,
  backup_owner TEXT NOT NULL,
  next_action TEXT NOT NULL,
  deadline INTEGER,
  first_attempt_at INTEGER,
  status TEXT NOT NULL,
  duplicate_of TEXT NOT NULL,
  draft TEXT NOT NULL,
  summary TEXT NOT NULL,
  signal_ids TEXT NOT NULL
);
CREATE INDEX opportunities_by_owner ON opportunities(owner, deadline);
)sql"},
      {2, R"sql(
ALTER TABLE opportunities ADD COLUMN escalations INTEGER NOT NULL DEFAULT 0;
CREATE TABLE events (
  opportunity_id TEXT NOT NULL,
  at INTEGER NOT NULL,
  kind TEXT NOT NULL,
  actor TEXT NOT NULL,
  detail TEXT NOT NULL,
  derived INTEGER NOT NULL  -- 1: rebuilt with the queue (escalations); 0: recorded by a person
);
CREATE INDEX events_by_opportunity ON events(opportunity_id, at);
)sql"},
      {3, R"sql(
CREATE TABLE outcomes (
  opportunity_id TEXT NOT NULL,
  at INTEGER NOT NULL,
  outcome TEXT NOT NULL,
  actor TEXT NOT NULL,
  note TEXT NOT NULL,
  inferred INTEGER NOT NULL,  -- 1: from the exports, rebuilt with the queue; 0: said by a person
  PRIMARY KEY (opportunity_id, at, outcome, inferred)
);
)sql"},
      {4, R"sql(
-- Per-contact lookups (open opportunity, contact listing) without scanning the queue.
CREATE INDEX opportunities_by_contact ON opportunities(contact_key, duplicate_of, status);
)sql"},
      {5, R"sql(
-- Mail attempts keep their sender, so the review can tell a shared inbox from a person's own.
ALTER TABLE attempts ADD COLUMN from_email TEXT NOT NULL DEFAULT '';
)sql"},
      {6, R"sql(
-- The web app: accounts, sessions (only a hash of the token), people's changes to the queue,
-- and checklist / plan ticks.
CREATE TABLE users (
  login TEXT PRIMARY KEY,
  person TEXT NOT NULL,
  role TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  login TEXT NOT NULL REFERENCES users(login) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE TABLE overrides (
  opportunity_id TEXT NOT NULL,
  at INTEGER NOT NULL,
  field TEXT NOT NULL,
  value TEXT NOT NULL,
  actor TEXT NOT NULL,
  reason TEXT NOT NULL
);
CREATE INDEX overrides_by_opportunity ON overrides(opportunity_id, at);
CREATE TABLE marks (
  list TEXT NOT NULL,
  item TEXT NOT NULL,
  done INTEGER NOT NULL,
  actor TEXT NOT NULL,
  at INTEGER NOT NULL,
  PRIMARY KEY (list, item)
);
)sql"},
      {7, R"sql(
-- Where a signal came from (lead source: "Google Business Profile", "Website"...) and why a
-- message is bulk or automated mail; the opportunity keeps the lead source of its first signal.
ALTER TABLE signals ADD COLUMN lead_source TEXT NOT NULL DEFAULT '';
ALTER TABLE signals ADD COLUMN bulk TEXT NOT NULL DEFAULT '';
ALTER TABLE opportunities ADD COLUMN lead_source TEXT NOT NULL DEFAULT '';
)sql"},
      {8, R"sql(
-- The channel each draft was written for (sms, email, call); empty when there is no draft.
ALTER TABLE opportunities ADD COLUMN draft_channel TEXT NOT NULL DEFAULT '';
)sql"},
      // --- companies (issue 21): one block, renumber as a whole if another lands first. 9 is
      // issue 20's (live intake); its tables gain their company here when it lands. ---
      {10, R"sql(
-- Companies (tenants): every row carries its company and every key is per company; accounts
-- belong to companies through memberships, each with its own roster name and role. SQLite
-- cannot change a primary key in place, so each table is rebuilt and its rows copied as company
-- 'default' (the companies table lists it when the database held anything). The company column
-- has no default: every statement names its company. The order rows were written in (SQLite's
-- rowid) becomes seq, so events, outcomes and overrides keep it.
CREATE TABLE companies (slug TEXT PRIMARY KEY);
INSERT INTO companies (slug) SELECT 'default' WHERE EXISTS (SELECT 1 FROM signals) OR EXISTS (SELECT 1 FROM attempts)
  OR EXISTS (SELECT 1 FROM estimates) OR EXISTS (SELECT 1 FROM rejects) OR EXISTS (SELECT 1 FROM handles)
  OR EXISTS (SELECT 1 FROM suppressions) OR EXISTS (SELECT 1 FROM outcomes) OR EXISTS (SELECT 1 FROM overrides)
  OR EXISTS (SELECT 1 FROM marks) OR EXISTS (SELECT 1 FROM users);

CREATE TABLE signals_v10 (
  company TEXT NOT NULL,
  id TEXT NOT NULL,
  channel TEXT NOT NULL,
  received_at INTEGER NOT NULL,
  handle TEXT NOT NULL,
  name TEXT NOT NULL,
  phone_raw TEXT NOT NULL,
  phone TEXT NOT NULL,
  email TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  trade TEXT NOT NULL,
  duration INTEGER NOT NULL,
  answered INTEGER NOT NULL,
  source_file TEXT NOT NULL,
  source_line INTEGER NOT NULL,
  lead_source TEXT NOT NULL,
  bulk TEXT NOT NULL,
  PRIMARY KEY (company, id)
);
INSERT INTO signals_v10 SELECT 'default', id, channel, received_at, handle, name, phone_raw, phone, email, subject,
  body, trade, duration, answered, source_file, source_line, lead_source, bulk FROM signals;
DROP TABLE signals;
ALTER TABLE signals_v10 RENAME TO signals;
CREATE INDEX signals_by_handle ON signals(company, handle, received_at);

CREATE TABLE handles_v10 (
  company TEXT NOT NULL,
  handle TEXT NOT NULL,
  contact_key TEXT NOT NULL,
  PRIMARY KEY (company, handle)
);
INSERT INTO handles_v10 SELECT 'default', handle, contact_key FROM handles;
DROP TABLE handles;
ALTER TABLE handles_v10 RENAME TO handles;
CREATE INDEX handles_by_contact ON handles(company, contact_key);

CREATE TABLE attempts_v10 (
  company TEXT NOT NULL,
  id TEXT NOT NULL,
  channel TEXT NOT NULL,
  at INTEGER NOT NULL,
  handle TEXT NOT NULL,
  actor TEXT NOT NULL,
  duration INTEGER NOT NULL,
  source_file TEXT NOT NULL,
  source_line INTEGER NOT NULL,
  from_email TEXT NOT NULL,
  PRIMARY KEY (company, id)
);
INSERT INTO attempts_v10 SELECT 'default', id, channel, at, handle, actor, duration, source_file, source_line, from_email
  FROM attempts;
DROP TABLE attempts;
ALTER TABLE attempts_v10 RENAME TO attempts;
CREATE INDEX attempts_by_handle ON attempts(company, handle, at);

CREATE TABLE estimates_v10 (
  company TEXT NOT NULL,
  id TEXT NOT NULL,
  number TEXT NOT NULL,
  name TEXT NOT NULL,
  phone TEXT NOT NULL,
  email TEXT NOT NULL,
  estimator TEXT NOT NULL,
  trade TEXT NOT NULL,
  status TEXT NOT NULL,
  total_cents INTEGER NOT NULL,
  sent_at INTEGER NOT NULL,
  source_file TEXT NOT NULL,
  source_line INTEGER NOT NULL,
  PRIMARY KEY (company, id)
);
INSERT INTO estimates_v10 SELECT 'default', id, number, name, phone, email, estimator, trade, status, total_cents,
  sent_at, source_file, source_line FROM estimates;
DROP TABLE estimates;
ALTER TABLE estimates_v10 RENAME TO estimates;
CREATE INDEX estimates_by_phone ON estimates(company, phone);
CREATE INDEX estimates_by_email ON estimates(company, email);

CREATE TABLE rejects_v10 (
  company TEXT NOT NULL,
  file TEXT NOT NULL,
  line INTEGER NOT NULL,
  field TEXT NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY (company, file, line, field, reason)
);
INSERT INTO rejects_v10 SELECT 'default', file, line, field, reason FROM rejects;
DROP TABLE rejects;
ALTER TABLE rejects_v10 RENAME TO rejects;

CREATE TABLE suppressions_v10 (
  company TEXT NOT NULL,
  handle TEXT NOT NULL,
  signal_id TEXT NOT NULL,
  at INTEGER NOT NULL,
  channel TEXT NOT NULL,
  words TEXT NOT NULL,
  lifted_at INTEGER,
  lifted_by TEXT,
  lift_reason TEXT,
  PRIMARY KEY (company, handle, signal_id)
);
INSERT INTO suppressions_v10 SELECT 'default', handle, signal_id, at, channel, words, lifted_at, lifted_by, lift_reason
  FROM suppressions;
DROP TABLE suppressions;
ALTER TABLE suppressions_v10 RENAME TO suppressions;

CREATE TABLE opportunities_v10 (
  company TEXT NOT NULL,
  id TEXT NOT NULL,
  contact_key TEXT NOT NULL,
  contact_display TEXT NOT NULL,
  received_at INTEGER NOT NULL,
  channel TEXT NOT NULL,
  channels TEXT NOT NULL,
  category TEXT NOT NULL,
  confidence REAL NOT NULL,
  reasons TEXT NOT NULL,
  trade TEXT NOT NULL,
  owner TEXT NOT NULL,
  backup_owner TEXT NOT NULL,
  next_action TEXT NOT NULL,
  deadline INTEGER,
  first_attempt_at INTEGER,
  status TEXT NOT NULL,
  duplicate_of TEXT NOT NULL,
  draft TEXT NOT NULL,
  summary TEXT NOT NULL,
  signal_ids TEXT NOT NULL,
  escalations INTEGER NOT NULL,
  lead_source TEXT NOT NULL,
  draft_channel TEXT NOT NULL,
  PRIMARY KEY (company, id)
);
INSERT INTO opportunities_v10 SELECT 'default', id, contact_key, contact_display, received_at, channel, channels,
  category, confidence, reasons, trade, owner, backup_owner, next_action, deadline, first_attempt_at, status,
  duplicate_of, draft, summary, signal_ids, escalations, lead_source, draft_channel FROM opportunities;
DROP TABLE opportunities;
ALTER TABLE opportunities_v10 RENAME TO opportunities;
CREATE INDEX opportunities_by_owner ON opportunities(company, owner, deadline);
CREATE INDEX opportunities_by_contact ON opportunities(company, contact_key, duplicate_of, status);

CREATE TABLE events_v10 (
  seq INTEGER PRIMARY KEY,
  company TEXT NOT NULL,
  opportunity_id TEXT NOT NULL,
  at INTEGER NOT NULL,
  kind TEXT NOT NULL,
  actor TEXT NOT NULL,
  detail TEXT NOT NULL,
  derived INTEGER NOT NULL
);
INSERT INTO events_v10 SELECT rowid, 'default', opportunity_id, at, kind, actor, detail, derived FROM events;
DROP TABLE events;
ALTER TABLE events_v10 RENAME TO events;
CREATE INDEX events_by_opportunity ON events(company, opportunity_id, at);

CREATE TABLE outcomes_v10 (
  seq INTEGER PRIMARY KEY,
  company TEXT NOT NULL,
  opportunity_id TEXT NOT NULL,
  at INTEGER NOT NULL,
  outcome TEXT NOT NULL,
  actor TEXT NOT NULL,
  note TEXT NOT NULL,
  inferred INTEGER NOT NULL,
  UNIQUE (company, opportunity_id, at, outcome, inferred)
);
INSERT INTO outcomes_v10 SELECT rowid, 'default', opportunity_id, at, outcome, actor, note, inferred FROM outcomes;
DROP TABLE outcomes;
ALTER TABLE outcomes_v10 RENAME TO outcomes;

CREATE TABLE overrides_v10 (
  seq INTEGER PRIMARY KEY,
  company TEXT NOT NULL,
  opportunity_id TEXT NOT NULL,
  at INTEGER NOT NULL,
  field TEXT NOT NULL,
  value TEXT NOT NULL,
  actor TEXT NOT NULL,
  reason TEXT NOT NULL
);
INSERT INTO overrides_v10 SELECT rowid, 'default', opportunity_id, at, field, value, actor, reason FROM overrides;
DROP TABLE overrides;
ALTER TABLE overrides_v10 RENAME TO overrides;
CREATE INDEX overrides_by_opportunity ON overrides(company, opportunity_id, at);

CREATE TABLE marks_v10 (
  company TEXT NOT NULL,
  list TEXT NOT NULL,
  item TEXT NOT NULL,
  done INTEGER NOT NULL,
  actor TEXT NOT NULL,
  at INTEGER NOT NULL,
  PRIMARY KEY (company, list, item)
);
INSERT INTO marks_v10 SELECT 'default', list, item, done, actor, at FROM marks;
DROP TABLE marks;
ALTER TABLE marks_v10 RENAME TO marks;

-- An account signs in once; its role and roster name are per company.
CREATE TABLE accounts (
  login TEXT PRIMARY KEY,
  password_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
INSERT INTO accounts SELECT login, password_hash, created_at FROM users;
CREATE TABLE memberships (
  company TEXT NOT NULL,
  login TEXT NOT NULL REFERENCES accounts(login) ON DELETE CASCADE,
  person TEXT NOT NULL,
  role TEXT NOT NULL,
  disabled INTEGER NOT NULL,
  PRIMARY KEY (company, login)
);
CREATE INDEX memberships_by_login ON memberships(login);
INSERT INTO memberships SELECT 'default', login, person, role, disabled FROM users;
CREATE TABLE sessions_v10 (
  token_hash TEXT PRIMARY KEY,
  login TEXT NOT NULL REFERENCES accounts(login) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
INSERT INTO sessions_v10 SELECT token_hash, login, csrf_token, created_at, expires_at FROM sessions;
DROP TABLE sessions;
DROP TABLE users;
ALTER TABLE sessions_v10 RENAME TO sessions;
)sql"},
      // --- end of companies ---
  };
  return migrations;
}

// The same steps for PostgreSQL, with the same numbers and meaning. Every text column sorts
// and compares byte by byte (COLLATE "C"), as SQLite's BINARY does, so that every ORDER BY and
// the store's merges by key give the same order on both; integers are bigint (SQLite's are 64
// bits); the order rows were written in is an identity column (seq) where SQLite has its rowid.
const std::vector<Migration>& PostgresMigrations() {
  static const std::vector<Migration> migrations = {
      {1, R"sql(
CREATE TABLE signals (
  id text COLLATE "C" PRIMARY KEY,
  channel text COLLATE "C" NOT NULL,
  received_at bigint NOT NULL,
  handle text COLLATE "C" NOT NULL,
  name text COLLATE "C" NOT NULL,
  phone_raw text COLLATE "C" NOT NULL,
  phone text COLLATE "C" NOT NULL,
  email text COLLATE "C" NOT NULL,
  subject text COLLATE "C" NOT NULL,
  body text COLLATE "C" NOT NULL,
  trade text COLLATE "C" NOT NULL,
  duration bigint NOT NULL,
  answered integer NOT NULL,
  source_file text COLLATE "C" NOT NULL,
  source_line bigint NOT NULL
);
CREATE INDEX signals_by_handle ON signals(handle, received_at);

CREATE TABLE handles (
  handle text COLLATE "C" PRIMARY KEY,
  contact_key text COLLATE "C" NOT NULL
);
CREATE INDEX handles_by_contact ON handles(contact_key);

CREATE TABLE attempts (
  id text COLLATE "C" PRIMARY KEY,
  channel text COLLATE "C" NOT NULL,
  at bigint NOT NULL,
  handle text COLLATE "C" NOT NULL,
  actor text COLLATE "C" NOT NULL,
  duration bigint NOT NULL,
  source_file text COLLATE "C" NOT NULL,
  source_line bigint NOT NULL
);
CREATE INDEX attempts_by_handle ON attempts(handle, at);

CREATE TABLE estimates (
  id text COLLATE "C" PRIMARY KEY,
  number text COLLATE "C" NOT NULL,
  name text COLLATE "C" NOT NULL,
  phone text COLLATE "C" NOT NULL,
  email text COLLATE "C" NOT NULL,
  estimator text COLLATE "C" NOT NULL,
  trade text COLLATE "C" NOT NULL,
  status text COLLATE "C" NOT NULL,
  total_cents bigint NOT NULL,
  sent_at bigint NOT NULL,
  source_file text COLLATE "C" NOT NULL,
  source_line bigint NOT NULL
);
CREATE INDEX estimates_by_phone ON estimates(phone);
CREATE INDEX estimates_by_email ON estimates(email);

CREATE TABLE rejects (
  file text COLLATE "C" NOT NULL,
  line bigint NOT NULL,
  field text COLLATE "C" NOT NULL,
  reason text COLLATE "C" NOT NULL,
  PRIMARY KEY (file, line, field, reason)
);

CREATE TABLE suppressions (
  handle text COLLATE "C" NOT NULL,
  signal_id text COLLATE "C" NOT NULL,
  at bigint NOT NULL,
  channel text COLLATE "C" NOT NULL,
  words text COLLATE "C" NOT NULL,
  lifted_at bigint,
  lifted_by text COLLATE "C",
  lift_reason text COLLATE "C",
  PRIMARY KEY (handle, signal_id)
);

CREATE TABLE opportunities (
  id text COLLATE "C" PRIMARY KEY,
  contact_key text COLLATE "C" NOT NULL,
  contact_display text COLLATE "C" NOT NULL,
  received_at bigint NOT NULL,
  channel text COLLATE "C" NOT NULL,
  channels text COLLATE "C" NOT NULL,
  category text COLLATE "C" NOT NULL,
  confidence double precision NOT NULL,
  reasons text COLLATE "C" NOT NULL,
  trade text COLLATE "C" NOT NULL,
  owner text COLLATE "C" NOT NULL,
  backup_owner text COLLATE "C" NOT NULL,
  next_action text COLLATE "C" NOT NULL,
  deadline bigint,
  first_attempt_at bigint,
  status text COLLATE "C" NOT NULL,
  duplicate_of text COLLATE "C" NOT NULL,
  draft text COLLATE "C" NOT NULL,
  summary text COLLATE "C" NOT NULL,
  signal_ids text COLLATE "C" NOT NULL
);
CREATE INDEX opportunities_by_owner ON opportunities(owner, deadline);
)sql"},
      {2, R"sql(
ALTER TABLE opportunities ADD COLUMN escalations integer NOT NULL DEFAULT 0;
CREATE TABLE events (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  opportunity_id text COLLATE "C" NOT NULL,
  at bigint NOT NULL,
  kind text COLLATE "C" NOT NULL,
  actor text COLLATE "C" NOT NULL,
  detail text COLLATE "C" NOT NULL,
  derived integer NOT NULL  -- 1: rebuilt with the queue (escalations); 0: recorded by a person
);
CREATE INDEX events_by_opportunity ON events(opportunity_id, at);
)sql"},
      {3, R"sql(
CREATE TABLE outcomes (
  seq bigint GENERATED ALWAYS AS IDENTITY,
  opportunity_id text COLLATE "C" NOT NULL,
  at bigint NOT NULL,
  outcome text COLLATE "C" NOT NULL,
  actor text COLLATE "C" NOT NULL,
  note text COLLATE "C" NOT NULL,
  inferred integer NOT NULL,  -- 1: from the exports, rebuilt with the queue; 0: said by a person
  PRIMARY KEY (opportunity_id, at, outcome, inferred)
);
)sql"},
      {4, R"sql(
CREATE INDEX opportunities_by_contact ON opportunities(contact_key, duplicate_of, status);
)sql"},
      {5, R"sql(
ALTER TABLE attempts ADD COLUMN from_email text COLLATE "C" NOT NULL DEFAULT '';
)sql"},
      {6, R"sql(
CREATE TABLE users (
  login text COLLATE "C" PRIMARY KEY,
  person text COLLATE "C" NOT NULL,
  role text COLLATE "C" NOT NULL,
  password_hash text COLLATE "C" NOT NULL,
  created_at bigint NOT NULL,
  disabled integer NOT NULL DEFAULT 0
);
CREATE TABLE sessions (
  token_hash text COLLATE "C" PRIMARY KEY,
  login text COLLATE "C" NOT NULL REFERENCES users(login) ON DELETE CASCADE,
  csrf_token text COLLATE "C" NOT NULL,
  created_at bigint NOT NULL,
  expires_at bigint NOT NULL
);
CREATE TABLE overrides (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  opportunity_id text COLLATE "C" NOT NULL,
  at bigint NOT NULL,
  field text COLLATE "C" NOT NULL,
  value text COLLATE "C" NOT NULL,
  actor text COLLATE "C" NOT NULL,
  reason text COLLATE "C" NOT NULL
);
CREATE INDEX overrides_by_opportunity ON overrides(opportunity_id, at);
CREATE TABLE marks (
  list text COLLATE "C" NOT NULL,
  item text COLLATE "C" NOT NULL,
  done integer NOT NULL,
  actor text COLLATE "C" NOT NULL,
  at bigint NOT NULL,
  PRIMARY KEY (list, item)
);
)sql"},
      {7, R"sql(
ALTER TABLE signals ADD COLUMN lead_source text COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE signals ADD COLUMN bulk text COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE opportunities ADD COLUMN lead_source text COLLATE "C" NOT NULL DEFAULT '';
)sql"},
      {8, R"sql(
ALTER TABLE opportunities ADD COLUMN draft_channel text COLLATE "C" NOT NULL DEFAULT '';
)sql"},
      // --- companies (issue 21): one block, renumber as a whole if another lands first. 9 is
      // issue 20's (live intake); its tables gain their company here when it lands. ---
      {10, R"sql(
CREATE TABLE companies (slug text COLLATE "C" PRIMARY KEY);
INSERT INTO companies (slug) SELECT 'default' WHERE EXISTS (SELECT 1 FROM signals) OR EXISTS (SELECT 1 FROM attempts)
  OR EXISTS (SELECT 1 FROM estimates) OR EXISTS (SELECT 1 FROM rejects) OR EXISTS (SELECT 1 FROM handles)
  OR EXISTS (SELECT 1 FROM suppressions) OR EXISTS (SELECT 1 FROM outcomes) OR EXISTS (SELECT 1 FROM overrides)
  OR EXISTS (SELECT 1 FROM marks) OR EXISTS (SELECT 1 FROM users);

ALTER TABLE signals ADD COLUMN company text COLLATE "C" NOT NULL DEFAULT 'default';
ALTER TABLE signals ALTER COLUMN company DROP DEFAULT;
ALTER TABLE signals DROP CONSTRAINT signals_pkey, ADD PRIMARY KEY (company, id);
DROP INDEX signals_by_handle;
CREATE INDEX signals_by_handle ON signals(company, handle, received_at);

ALTER TABLE handles ADD COLUMN company text COLLATE "C" NOT NULL DEFAULT 'default';
ALTER TABLE handles ALTER COLUMN company DROP DEFAULT;
ALTER TABLE handles DROP CONSTRAINT handles_pkey, ADD PRIMARY KEY (company, handle);
DROP INDEX handles_by_contact;
CREATE INDEX handles_by_contact ON handles(company, contact_key);

ALTER TABLE attempts ADD COLUMN company text COLLATE "C" NOT NULL DEFAULT 'default';
ALTER TABLE attempts ALTER COLUMN company DROP DEFAULT;
ALTER TABLE attempts DROP CONSTRAINT attempts_pkey, ADD PRIMARY KEY (company, id);
DROP INDEX attempts_by_handle;
CREATE INDEX attempts_by_handle ON attempts(company, handle, at);

ALTER TABLE estimates ADD COLUMN company text COLLATE "C" NOT NULL DEFAULT 'default';
ALTER TABLE estimates ALTER COLUMN company DROP DEFAULT;
ALTER TABLE estimates DROP CONSTRAINT estimates_pkey, ADD PRIMARY KEY (company, id);
DROP INDEX estimates_by_phone;
DROP INDEX estimates_by_email;
CREATE INDEX estimates_by_phone ON estimates(company, phone);
CREATE INDEX estimates_by_email ON estimates(company, email);

ALTER TABLE rejects ADD COLUMN company text COLLATE "C" NOT NULL DEFAULT 'default';
ALTER TABLE rejects ALTER COLUMN company DROP DEFAULT;
ALTER TABLE rejects DROP CONSTRAINT rejects_pkey, ADD PRIMARY KEY (company, file, line, field, reason);

ALTER TABLE suppressions ADD COLUMN company text COLLATE "C" NOT NULL DEFAULT 'default';
ALTER TABLE suppressions ALTER COLUMN company DROP DEFAULT;
ALTER TABLE suppressions DROP CONSTRAINT suppressions_pkey, ADD PRIMARY KEY (company, handle, signal_id);

ALTER TABLE opportunities ADD COLUMN company text COLLATE "C" NOT NULL DEFAULT 'default';
ALTER TABLE opportunities ALTER COLUMN company DROP DEFAULT;
ALTER TABLE opportunities DROP CONSTRAINT opportunities_pkey, ADD PRIMARY KEY (company, id);
DROP INDEX opportunities_by_owner;
DROP INDEX opportunities_by_contact;
CREATE INDEX opportunities_by_owner ON opportunities(company, owner, deadline);
CREATE INDEX opportunities_by_contact ON opportunities(company, contact_key, duplicate_of, status);

ALTER TABLE events ADD COLUMN company text COLLATE "C" NOT NULL DEFAULT 'default';
ALTER TABLE events ALTER COLUMN company DROP DEFAULT;
DROP INDEX events_by_opportunity;
CREATE INDEX events_by_opportunity ON events(company, opportunity_id, at);

ALTER TABLE outcomes ADD COLUMN company text COLLATE "C" NOT NULL DEFAULT 'default';
ALTER TABLE outcomes ALTER COLUMN company DROP DEFAULT;
ALTER TABLE outcomes DROP CONSTRAINT outcomes_pkey, ADD PRIMARY KEY (company, opportunity_id, at, outcome, inferred);

ALTER TABLE overrides ADD COLUMN company text COLLATE "C" NOT NULL DEFAULT 'default';
ALTER TABLE overrides ALTER COLUMN company DROP DEFAULT;
DROP INDEX overrides_by_opportunity;
CREATE INDEX overrides_by_opportunity ON overrides(company, opportunity_id, at);

ALTER TABLE marks ADD COLUMN company text COLLATE "C" NOT NULL DEFAULT 'default';
ALTER TABLE marks ALTER COLUMN company DROP DEFAULT;
ALTER TABLE marks DROP CONSTRAINT marks_pkey, ADD PRIMARY KEY (company, list, item);

CREATE TABLE accounts (
  login text COLLATE "C" PRIMARY KEY,
  password_hash text COLLATE "C" NOT NULL,
  created_at bigint NOT NULL
);
INSERT INTO accounts SELECT login, password_hash, created_at FROM users;
CREATE TABLE memberships (
  company text COLLATE "C" NOT NULL,
  login text COLLATE "C" NOT NULL REFERENCES accounts(login) ON DELETE CASCADE,
  person text COLLATE "C" NOT NULL,
  role text COLLATE "C" NOT NULL,
  disabled integer NOT NULL,
  PRIMARY KEY (company, login)
);
CREATE INDEX memberships_by_login ON memberships(login);
INSERT INTO memberships SELECT 'default', login, person, role, disabled FROM users;
ALTER TABLE sessions DROP CONSTRAINT sessions_login_fkey;
ALTER TABLE sessions ADD FOREIGN KEY (login) REFERENCES accounts(login) ON DELETE CASCADE;
DROP TABLE users;
)sql"},
      // --- end of companies ---
  };
  return migrations;
}

}  // namespace ringback
