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
      // Live intake (issue 20): one block, renumber it as a whole if another migration lands first.
      {9, R"sql(
-- What Twilio's callbacks said so far about each call (status callbacks arrive repeated and out
-- of order; the merged state decides whether the call was missed, answered or a voicemail).
CREATE TABLE live_calls (
  sid TEXT PRIMARY KEY,
  parent_sid TEXT NOT NULL,
  direction TEXT NOT NULL,
  from_number TEXT NOT NULL,
  to_number TEXT NOT NULL,
  caller_name TEXT NOT NULL,
  status TEXT NOT NULL,
  sequence INTEGER NOT NULL,
  duration INTEGER NOT NULL,
  started_at INTEGER,
  answered INTEGER NOT NULL,
  dial_status TEXT NOT NULL,
  voicemail INTEGER NOT NULL,
  transcript TEXT NOT NULL,
  transcript_status TEXT NOT NULL
);
CREATE INDEX live_calls_by_parent ON live_calls(parent_sid) WHERE parent_sid != '';
-- Open work per owner (the load a one-contact rebuild balances) from the index alone: a scan of
-- the table took 175 ms at 94k opportunities, this 10 ms.
CREATE INDEX opportunities_open_work ON opportunities(owner, status) WHERE duplicate_of = '';
-- Per-person calendar subscriptions: only the SHA-256 of the URL's token is kept.
CREATE TABLE calendar_feeds (
  token_hash TEXT PRIMARY KEY,
  person TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  created_by TEXT NOT NULL,
  revoked_at INTEGER,
  revoked_by TEXT NOT NULL DEFAULT ''
);
CREATE INDEX calendar_feeds_by_person ON calendar_feeds(person, created_at);
)sql"},
      {11, R"sql(
-- Forgetting a person (store/forget.h). The key of the HMAC that stands in for a forgotten
-- person's handles (32 random bytes, made on the first forget, never leaves the database);
-- each forgotten handle as that HMAC, with the stop that was in force; and who forgot whom
-- and why, without the person's data.
CREATE TABLE privacy_key (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  key BLOB NOT NULL
);
CREATE TABLE forgotten_handles (
  handle_hmac TEXT PRIMARY KEY,
  stop_at INTEGER,                      -- the stop in force when forgotten; NULL: none
  stop_channel TEXT NOT NULL DEFAULT ''
);
CREATE TABLE forget_log (
  at INTEGER NOT NULL,
  actor TEXT NOT NULL,
  reason TEXT NOT NULL,
  handles INTEGER NOT NULL,  -- how many handles were forgotten
  rows INTEGER NOT NULL      -- how many rows were removed
);
)sql"},
      // --- companies (issue 21): after live intake (9) and forgetting (11), whose tables gain
      // their company here. 10 was never released. ---
      {12, R"sql(
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
  OR EXISTS (SELECT 1 FROM marks) OR EXISTS (SELECT 1 FROM users) OR EXISTS (SELECT 1 FROM live_calls)
  OR EXISTS (SELECT 1 FROM calendar_feeds) OR EXISTS (SELECT 1 FROM forget_log);

CREATE TABLE signals_v12 (
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
INSERT INTO signals_v12 SELECT 'default', id, channel, received_at, handle, name, phone_raw, phone, email, subject,
  body, trade, duration, answered, source_file, source_line, lead_source, bulk FROM signals;
DROP TABLE signals;
ALTER TABLE signals_v12 RENAME TO signals;
CREATE INDEX signals_by_handle ON signals(company, handle, received_at);

CREATE TABLE handles_v12 (
  company TEXT NOT NULL,
  handle TEXT NOT NULL,
  contact_key TEXT NOT NULL,
  PRIMARY KEY (company, handle)
);
INSERT INTO handles_v12 SELECT 'default', handle, contact_key FROM handles;
DROP TABLE handles;
ALTER TABLE handles_v12 RENAME TO handles;
CREATE INDEX handles_by_contact ON handles(company, contact_key);

CREATE TABLE attempts_v12 (
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
INSERT INTO attempts_v12 SELECT 'default', id, channel, at, handle, actor, duration, source_file, source_line, from_email
  FROM attempts;
DROP TABLE attempts;
ALTER TABLE attempts_v12 RENAME TO attempts;
CREATE INDEX attempts_by_handle ON attempts(company, handle, at);

CREATE TABLE estimates_v12 (
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
INSERT INTO estimates_v12 SELECT 'default', id, number, name, phone, email, estimator, trade, status, total_cents,
  sent_at, source_file, source_line FROM estimates;
DROP TABLE estimates;
ALTER TABLE estimates_v12 RENAME TO estimates;
CREATE INDEX estimates_by_phone ON estimates(company, phone);
CREATE INDEX estimates_by_email ON estimates(company, email);

CREATE TABLE rejects_v12 (
  company TEXT NOT NULL,
  file TEXT NOT NULL,
  line INTEGER NOT NULL,
  field TEXT NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY (company, file, line, field, reason)
);
INSERT INTO rejects_v12 SELECT 'default', file, line, field, reason FROM rejects;
DROP TABLE rejects;
ALTER TABLE rejects_v12 RENAME TO rejects;

CREATE TABLE suppressions_v12 (
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
INSERT INTO suppressions_v12 SELECT 'default', handle, signal_id, at, channel, words, lifted_at, lifted_by, lift_reason
  FROM suppressions;
DROP TABLE suppressions;
ALTER TABLE suppressions_v12 RENAME TO suppressions;

CREATE TABLE opportunities_v12 (
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
INSERT INTO opportunities_v12 SELECT 'default', id, contact_key, contact_display, received_at, channel, channels,
  category, confidence, reasons, trade, owner, backup_owner, next_action, deadline, first_attempt_at, status,
  duplicate_of, draft, summary, signal_ids, escalations, lead_source, draft_channel FROM opportunities;
DROP TABLE opportunities;
ALTER TABLE opportunities_v12 RENAME TO opportunities;
CREATE INDEX opportunities_by_owner ON opportunities(company, owner, deadline);
CREATE INDEX opportunities_by_contact ON opportunities(company, contact_key, duplicate_of, status);

CREATE TABLE events_v12 (
  seq INTEGER PRIMARY KEY,
  company TEXT NOT NULL,
  opportunity_id TEXT NOT NULL,
  at INTEGER NOT NULL,
  kind TEXT NOT NULL,
  actor TEXT NOT NULL,
  detail TEXT NOT NULL,
  derived INTEGER NOT NULL
);
INSERT INTO events_v12 SELECT rowid, 'default', opportunity_id, at, kind, actor, detail, derived FROM events;
DROP TABLE events;
ALTER TABLE events_v12 RENAME TO events;
CREATE INDEX events_by_opportunity ON events(company, opportunity_id, at);

CREATE TABLE outcomes_v12 (
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
INSERT INTO outcomes_v12 SELECT rowid, 'default', opportunity_id, at, outcome, actor, note, inferred FROM outcomes;
DROP TABLE outcomes;
ALTER TABLE outcomes_v12 RENAME TO outcomes;

CREATE TABLE overrides_v12 (
  seq INTEGER PRIMARY KEY,
  company TEXT NOT NULL,
  opportunity_id TEXT NOT NULL,
  at INTEGER NOT NULL,
  field TEXT NOT NULL,
  value TEXT NOT NULL,
  actor TEXT NOT NULL,
  reason TEXT NOT NULL
);
INSERT INTO overrides_v12 SELECT rowid, 'default', opportunity_id, at, field, value, actor, reason FROM overrides;
DROP TABLE overrides;
ALTER TABLE overrides_v12 RENAME TO overrides;
CREATE INDEX overrides_by_opportunity ON overrides(company, opportunity_id, at);

CREATE TABLE marks_v12 (
  company TEXT NOT NULL,
  list TEXT NOT NULL,
  item TEXT NOT NULL,
  done INTEGER NOT NULL,
  actor TEXT NOT NULL,
  at INTEGER NOT NULL,
  PRIMARY KEY (company, list, item)
);
INSERT INTO marks_v12 SELECT 'default', list, item, done, actor, at FROM marks;
DROP TABLE marks;
ALTER TABLE marks_v12 RENAME TO marks;

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
CREATE TABLE sessions_v12 (
  token_hash TEXT PRIMARY KEY,
  login TEXT NOT NULL REFERENCES accounts(login) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
INSERT INTO sessions_v12 SELECT token_hash, login, csrf_token, created_at, expires_at FROM sessions;
DROP TABLE sessions;
DROP TABLE users;
ALTER TABLE sessions_v12 RENAME TO sessions;
-- Live intake's tables (9) and forgetting's (11). The privacy key becomes hex text, one per company.
CREATE INDEX opportunities_open_work ON opportunities(company, owner, status) WHERE duplicate_of = '';
CREATE TABLE live_calls_v12 (
  company TEXT NOT NULL,
  sid TEXT NOT NULL,
  parent_sid TEXT NOT NULL,
  direction TEXT NOT NULL,
  from_number TEXT NOT NULL,
  to_number TEXT NOT NULL,
  caller_name TEXT NOT NULL,
  status TEXT NOT NULL,
  sequence INTEGER NOT NULL,
  duration INTEGER NOT NULL,
  started_at INTEGER,
  answered INTEGER NOT NULL,
  dial_status TEXT NOT NULL,
  voicemail INTEGER NOT NULL,
  transcript TEXT NOT NULL,
  transcript_status TEXT NOT NULL,
  PRIMARY KEY (company, sid)
);
INSERT INTO live_calls_v12 SELECT 'default', sid, parent_sid, direction, from_number, to_number, caller_name, status,
  sequence, duration, started_at, answered, dial_status, voicemail, transcript, transcript_status FROM live_calls;
DROP TABLE live_calls;
ALTER TABLE live_calls_v12 RENAME TO live_calls;
CREATE INDEX live_calls_by_parent ON live_calls(company, parent_sid) WHERE parent_sid != '';
CREATE TABLE calendar_feeds_v12 (
  company TEXT NOT NULL,
  token_hash TEXT NOT NULL,
  person TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  created_by TEXT NOT NULL,
  revoked_at INTEGER,
  revoked_by TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (company, token_hash)
);
INSERT INTO calendar_feeds_v12 SELECT 'default', token_hash, person, created_at, created_by, revoked_at, revoked_by
  FROM calendar_feeds;
DROP TABLE calendar_feeds;
ALTER TABLE calendar_feeds_v12 RENAME TO calendar_feeds;
CREATE INDEX calendar_feeds_by_person ON calendar_feeds(company, person, created_at);
CREATE TABLE privacy_key_v12 (
  company TEXT PRIMARY KEY,
  key TEXT NOT NULL  -- 64 hex digits
);
INSERT INTO privacy_key_v12 SELECT 'default', lower(hex(key)) FROM privacy_key;
DROP TABLE privacy_key;
ALTER TABLE privacy_key_v12 RENAME TO privacy_key;
CREATE TABLE forgotten_handles_v12 (
  company TEXT NOT NULL,
  handle_hmac TEXT NOT NULL,
  stop_at INTEGER,
  stop_channel TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (company, handle_hmac)
);
INSERT INTO forgotten_handles_v12 SELECT 'default', handle_hmac, stop_at, stop_channel FROM forgotten_handles;
DROP TABLE forgotten_handles;
ALTER TABLE forgotten_handles_v12 RENAME TO forgotten_handles;
CREATE TABLE forget_log_v12 (
  company TEXT NOT NULL,
  at INTEGER NOT NULL,
  actor TEXT NOT NULL,
  reason TEXT NOT NULL,
  handles INTEGER NOT NULL,
  rows INTEGER NOT NULL
);
INSERT INTO forget_log_v12 SELECT 'default', at, actor, reason, handles, rows FROM forget_log;
DROP TABLE forget_log;
ALTER TABLE forget_log_v12 RENAME TO forget_log;
)sql"},
      // --- end of companies ---
      // A session records the company its person is working in (`ringback serve` for several
      // companies: they choose and switch it); '' until one is chosen.
      {13, R"sql(
ALTER TABLE sessions ADD COLUMN company TEXT NOT NULL DEFAULT '';
)sql"},
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
      // Live intake (issue 20).
      {9, R"sql(
CREATE TABLE live_calls (
  sid text COLLATE "C" PRIMARY KEY,
  parent_sid text COLLATE "C" NOT NULL,
  direction text COLLATE "C" NOT NULL,
  from_number text COLLATE "C" NOT NULL,
  to_number text COLLATE "C" NOT NULL,
  caller_name text COLLATE "C" NOT NULL,
  status text COLLATE "C" NOT NULL,
  sequence bigint NOT NULL,
  duration bigint NOT NULL,
  started_at bigint,
  answered integer NOT NULL,
  dial_status text COLLATE "C" NOT NULL,
  voicemail integer NOT NULL,
  transcript text COLLATE "C" NOT NULL,
  transcript_status text COLLATE "C" NOT NULL
);
CREATE INDEX live_calls_by_parent ON live_calls(parent_sid) WHERE parent_sid != '';
CREATE INDEX opportunities_open_work ON opportunities(owner, status) WHERE duplicate_of = '';
CREATE TABLE calendar_feeds (
  token_hash text COLLATE "C" PRIMARY KEY,
  person text COLLATE "C" NOT NULL,
  created_at bigint NOT NULL,
  created_by text COLLATE "C" NOT NULL,
  revoked_at bigint,
  revoked_by text COLLATE "C" NOT NULL DEFAULT ''
);
CREATE INDEX calendar_feeds_by_person ON calendar_feeds(person, created_at);
)sql"},
      // Forgetting a person (issue 22). The key is hex text here from the start (SQLite's was a
      // blob until 12).
      {11, R"sql(
CREATE TABLE privacy_key (
  id integer PRIMARY KEY CHECK (id = 1),
  key text COLLATE "C" NOT NULL
);
CREATE TABLE forgotten_handles (
  handle_hmac text COLLATE "C" PRIMARY KEY,
  stop_at bigint,
  stop_channel text COLLATE "C" NOT NULL DEFAULT ''
);
CREATE TABLE forget_log (
  at bigint NOT NULL,
  actor text COLLATE "C" NOT NULL,
  reason text COLLATE "C" NOT NULL,
  handles bigint NOT NULL,
  rows bigint NOT NULL
);
)sql"},
      // --- companies (issue 21): after live intake (9) and forgetting (11), whose tables gain
      // their company here. 10 was never released. ---
      {12, R"sql(
CREATE TABLE companies (slug text COLLATE "C" PRIMARY KEY);
INSERT INTO companies (slug) SELECT 'default' WHERE EXISTS (SELECT 1 FROM signals) OR EXISTS (SELECT 1 FROM attempts)
  OR EXISTS (SELECT 1 FROM estimates) OR EXISTS (SELECT 1 FROM rejects) OR EXISTS (SELECT 1 FROM handles)
  OR EXISTS (SELECT 1 FROM suppressions) OR EXISTS (SELECT 1 FROM outcomes) OR EXISTS (SELECT 1 FROM overrides)
  OR EXISTS (SELECT 1 FROM marks) OR EXISTS (SELECT 1 FROM users) OR EXISTS (SELECT 1 FROM live_calls)
  OR EXISTS (SELECT 1 FROM calendar_feeds) OR EXISTS (SELECT 1 FROM forget_log);

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
DROP INDEX opportunities_open_work;
CREATE INDEX opportunities_open_work ON opportunities(company, owner, status) WHERE duplicate_of = '';
ALTER TABLE live_calls ADD COLUMN company text COLLATE "C" NOT NULL DEFAULT 'default';
ALTER TABLE live_calls ALTER COLUMN company DROP DEFAULT;
ALTER TABLE live_calls DROP CONSTRAINT live_calls_pkey, ADD PRIMARY KEY (company, sid);
DROP INDEX live_calls_by_parent;
CREATE INDEX live_calls_by_parent ON live_calls(company, parent_sid) WHERE parent_sid != '';
ALTER TABLE calendar_feeds ADD COLUMN company text COLLATE "C" NOT NULL DEFAULT 'default';
ALTER TABLE calendar_feeds ALTER COLUMN company DROP DEFAULT;
ALTER TABLE calendar_feeds DROP CONSTRAINT calendar_feeds_pkey, ADD PRIMARY KEY (company, token_hash);
DROP INDEX calendar_feeds_by_person;
CREATE INDEX calendar_feeds_by_person ON calendar_feeds(company, person, created_at);
ALTER TABLE privacy_key ADD COLUMN company text COLLATE "C" NOT NULL DEFAULT 'default';
ALTER TABLE privacy_key ALTER COLUMN company DROP DEFAULT;
ALTER TABLE privacy_key DROP CONSTRAINT privacy_key_pkey, ADD PRIMARY KEY (company);
ALTER TABLE privacy_key DROP COLUMN id;
ALTER TABLE forgotten_handles ADD COLUMN company text COLLATE "C" NOT NULL DEFAULT 'default';
ALTER TABLE forgotten_handles ALTER COLUMN company DROP DEFAULT;
ALTER TABLE forgotten_handles DROP CONSTRAINT forgotten_handles_pkey, ADD PRIMARY KEY (company, handle_hmac);
ALTER TABLE forget_log ADD COLUMN company text COLLATE "C" NOT NULL DEFAULT 'default';
ALTER TABLE forget_log ALTER COLUMN company DROP DEFAULT;
)sql"},
      // --- end of companies ---
      {13, R"sql(
ALTER TABLE sessions ADD COLUMN company text COLLATE "C" NOT NULL DEFAULT '';
)sql"},
  };
  return migrations;
}

}  // namespace ringback
