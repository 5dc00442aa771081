#include "store/forget.h"

#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <set>
#include <vector>

namespace ringback::privacy {
namespace {

using sql::Param;
using sql::Row;

// The first column of every row of `sql`.
StatusOr<std::vector<std::string>> Column(sql::Driver& db, std::string_view sql, std::initializer_list<Param> params) {
  std::vector<std::string> out;
  Status s = db.Query(sql, std::span<const Param>(params.begin(), params.size()), [&](const Row& row) {
    out.push_back(row.Text(0));
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

Status Run(sql::Driver& db, std::string_view sql, std::initializer_list<Param> params, std::int64_t* changed = nullptr) {
  return db.Run(sql, std::span<const Param>(params.begin(), params.size()), changed);
}

constexpr char kHex[] = "0123456789abcdef";

std::string ToHex(const unsigned char* bytes, std::size_t n) {
  std::string hex;
  hex.reserve(2 * n);
  for (std::size_t i = 0; i < n; ++i) {
    hex += kHex[bytes[i] >> 4];
    hex += kHex[bytes[i] & 0xf];
  }
  return hex;
}

std::string FromHex(const std::string& hex) {
  auto nibble = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
  std::string bytes;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) bytes += static_cast<char>(nibble(hex[i]) * 16 + nibble(hex[i + 1]));
  return bytes;
}

// The company's HMAC key (raw bytes); made (32 random bytes) when `create` and there is none yet.
StatusOr<std::string> Key(sql::Driver& db, const std::string& company, bool create) {
  StatusOr<std::vector<std::string>> stored = Column(db, "SELECT key FROM privacy_key WHERE company = $1", {company});
  if (!stored.ok()) return stored.status();
  if (!stored->empty()) return FromHex(stored->front());
  if (!create) return std::string();
  unsigned char key[32];
  if (RAND_bytes(key, sizeof key) != 1) return Status::Internal("no randomness for the privacy key");
  if (Status s = Run(db, "INSERT INTO privacy_key (company, key) VALUES ($1, $2)", {company, ToHex(key, sizeof key)});
      !s.ok())
    return s;
  return std::string(reinterpret_cast<const char*>(key), sizeof key);
}

std::string Hmac(const std::string& key, const std::string& handle) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(handle.data()),
       handle.size(), out, &len);
  return ToHex(out, len);
}

// `text` with every occurrence of each of `secrets` replaced: the reason an operator typed
// may name the person it is about.
std::string Blank(std::string text, const std::set<std::string>& secrets) {
  for (const std::string& secret : secrets) {
    if (secret.size() < 3) continue;
    for (std::size_t at; (at = text.find(secret)) != std::string::npos;) text.replace(at, secret.size(), "[forgotten]");
  }
  return text;
}

// What must not survive in the log's reason: the handles' values and every name given with them.
Status Secrets(sql::Driver& db, const std::string& company, const std::vector<std::string>& handles,
               std::set<std::string>& secrets) {
  for (const std::string& h : handles) {
    const std::string value = h.substr(h.find(':') + 1);
    secrets.insert(value);
    StatusOr<std::vector<std::string>> names =
        Column(db, "SELECT DISTINCT name FROM signals WHERE company = $1 AND handle = $2 AND name != ''", {company, h});
    if (!names.ok()) return names.status();
    secrets.insert(names->begin(), names->end());
    const char* by = h.rfind("tel:", 0) == 0       ? "SELECT DISTINCT name FROM estimates WHERE company = $1 AND phone = $2 AND name != ''"
                     : h.rfind("mailto:", 0) == 0 ? "SELECT DISTINCT name FROM estimates WHERE company = $1 AND email = $2 AND name != ''"
                                                   : nullptr;
    if (!by) continue;
    names = Column(db, by, {company, value});
    if (!names.ok()) return names.status();
    secrets.insert(names->begin(), names->end());
  }
  return Status::Ok();
}

// Each handle's HMAC, with the earliest stop in force for it.
Status KeepHashes(sql::Driver& db, const std::string& company, const std::vector<std::string>& handles,
                  ForgetReport& report) {
  StatusOr<std::string> key = Key(db, company, true);
  if (!key.ok()) return key.status();
  for (const std::string& h : handles) {
    std::optional<std::int64_t> stop_at;
    std::string channel;
    if (Status s = db.Query("SELECT at, channel FROM suppressions WHERE company = $1 AND handle = $2 AND "
                            "lifted_at IS NULL ORDER BY at LIMIT 1",
                            std::initializer_list<Param>{company, h},
                            [&](const Row& row) {
                              stop_at = row.Int(0);
                              channel = row.Text(1);
                              return Status::Ok();
                            });
        !s.ok())
      return s;
    if (stop_at) report.stop_kept = true;
    if (Status s = Run(db, "INSERT INTO forgotten_handles (company, handle_hmac, stop_at, stop_channel) VALUES "
                           "($1, $2, $3, $4) ON CONFLICT (company, handle_hmac) DO UPDATE SET "
                           "stop_at = coalesce(excluded.stop_at, forgotten_handles.stop_at), "
                           "stop_channel = CASE WHEN excluded.stop_at IS NULL THEN forgotten_handles.stop_channel "
                           "ELSE excluded.stop_channel END",
                       {company, Hmac(*key, h), stop_at, channel});
        !s.ok())
      return s;
  }
  return Status::Ok();
}

Status DeleteRows(sql::Driver& db, const std::string& company, const std::string& contact,
                  const std::vector<std::string>& handles, const std::set<std::string>& secrets, std::int64_t& rows) {
  for (const char* table : {"events", "outcomes", "overrides"})
    if (Status s = Run(db, std::string("DELETE FROM ") + table + " WHERE company = $1 AND opportunity_id IN "
                           "(SELECT id FROM opportunities WHERE company = $1 AND contact_key = $2)",
                       {company, contact}, &rows);
        !s.ok())
      return s;
  if (Status s = Run(db, "DELETE FROM opportunities WHERE company = $1 AND contact_key = $2", {company, contact}, &rows);
      !s.ok())
    return s;
  for (const std::string& h : handles) {
    for (const char* sql : {"DELETE FROM signals WHERE company = $1 AND handle = $2",
                            "DELETE FROM attempts WHERE company = $1 AND handle = $2",
                            "DELETE FROM suppressions WHERE company = $1 AND handle = $2",
                            "DELETE FROM handles WHERE company = $1 AND handle = $2"})
      if (Status s = Run(db, sql, {company, h}, &rows); !s.ok()) return s;
    const std::string value = h.substr(h.find(':') + 1);
    const bool phone = h.rfind("tel:", 0) == 0, email = h.rfind("mailto:", 0) == 0;
    if (phone || email) {
      const std::string column = phone ? "phone" : "email";
      for (const char* table : {"signals", "estimates"})
        if (Status s = Run(db, std::string("DELETE FROM ") + table + " WHERE company = $1 AND " + column + " = $2",
                           {company, value}, &rows);
            !s.ok())
          return s;
    }
  }
  // Rejected rows that quote their phone or email (an estimate without a date, say).
  const char* quoting = db.dialect() == sql::Dialect::kPostgres
                            ? "DELETE FROM rejects WHERE company = $1 AND strpos(reason, $2) > 0"
                            : "DELETE FROM rejects WHERE company = $1 AND instr(reason, $2) > 0";
  for (const std::string& secret : secrets)
    if (secret.size() >= 5)
      if (Status s = Run(db, quoting, {company, secret}, &rows); !s.ok()) return s;
  return Status::Ok();
}

}  // namespace

Status Forget(sql::Driver& db, const std::string& company, const ForgetRequest& request, ForgetReport& report) {
  StatusOr<std::vector<std::string>> key_of =
      Column(db, "SELECT contact_key FROM handles WHERE company = $1 AND handle = $2", {company, request.handle});
  if (!key_of.ok()) return key_of.status();
  if (key_of->empty()) return Status::NotFound("no contact with " + request.handle + " in the database");
  const std::string contact = key_of->front();
  StatusOr<std::vector<std::string>> handles =
      Column(db, "SELECT handle FROM handles WHERE company = $1 AND contact_key = $2 ORDER BY handle", {company, contact});
  if (!handles.ok()) return handles.status();
  std::set<std::string> secrets;
  if (Status s = Secrets(db, company, *handles, secrets); !s.ok()) return s;
  if (Status s = KeepHashes(db, company, *handles, report); !s.ok()) return s;
  if (Status s = DeleteRows(db, company, contact, *handles, secrets, report.rows); !s.ok()) return s;
  report.handles = static_cast<std::int64_t>(handles->size());
  return Run(db, "INSERT INTO forget_log (company, at, actor, reason, handles, rows) VALUES ($1, $2, $3, $4, $5, $6)",
             {company, ToUnix(request.at), Blank(request.actor, secrets), Blank(request.reason, secrets),
              report.handles, report.rows});
}

StatusOr<bool> HasForgottenStops(sql::Driver& db, const std::string& company) {
  StatusOr<std::vector<std::string>> any = Column(
      db, "SELECT handle_hmac FROM forgotten_handles WHERE company = $1 AND stop_at IS NOT NULL LIMIT 1", {company});
  if (!any.ok()) return any.status();
  return !any->empty();
}

Status ReinstateStops(sql::Driver& db, const std::string& company, std::int64_t* added) {
  StatusOr<std::string> key = Key(db, company, false);
  if (!key.ok()) return key.status();
  if (key->empty()) return Status::Ok();
  StatusOr<std::vector<std::string>> handles = Column(db, "SELECT handle FROM handles WHERE company = $1", {company});
  if (!handles.ok()) return handles.status();
  for (const std::string& h : *handles) {
    const std::string hmac = Hmac(*key, h);
    if (Status s = Run(db, "INSERT INTO suppressions (company, handle, signal_id, at, channel, words) SELECT "
                           "$1, $2, $3, stop_at, stop_channel, $4 FROM forgotten_handles WHERE company = $1 AND "
                           "handle_hmac = $5 AND stop_at IS NOT NULL ON CONFLICT (company, handle, signal_id) DO NOTHING",
                       {company, h, "forgotten:" + hmac.substr(0, 16), "(a stop kept when this person was forgotten)",
                        hmac},
                       added);
        !s.ok())
      return s;
  }
  return Status::Ok();
}

Status PurgeText(sql::Driver& db, const std::string& company, Timestamp before, std::int64_t* purged) {
  return Run(db, "UPDATE signals SET body = '' WHERE company = $1 AND received_at < $2 AND body != ''",
             {company, ToUnix(before)}, purged);
}

}  // namespace ringback::privacy
