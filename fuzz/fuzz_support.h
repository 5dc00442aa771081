// What the harnesses in fuzz/ share: a check that stops the fuzzer on a broken invariant, the
// company the importers read with, a sink that checks every record it is given, and a private
// file for the readers that take a path. Not part of the product.
#pragma once

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include "core/company_config.h"
#include "ingest/import_sink.h"
#include "ingest/importer.h"
#include "ingest/text_decoder.h"

namespace ringback::fuzz {

// A broken invariant is a finding: say which, then trap so libFuzzer keeps the input.
inline void Require(bool ok, const char* what, std::string_view detail = {}) {
  if (ok) return;
  std::fprintf(stderr, "invariant broken: %s", what);
  if (!detail.empty()) std::fprintf(stderr, ": %.*s", static_cast<int>(std::min<std::size_t>(detail.size(), 300)), detail.data());
  std::fprintf(stderr, "\n");
  __builtin_trap();
}

inline void RequireUtf8(std::string_view text, const char* what) { Require(IsValidUtf8(text), what, text); }

// How long a reject's reason or field may be: it quotes a cell to QuoteValue's 200 bytes, a
// header to 100; a message of a few hundred characters, never the input itself.
inline constexpr std::size_t kMaxRejectText = 1024;

inline CompanyConfig FuzzCompany() {
  CompanyConfig c;
  c.name = "Summit Ridge Roofing & Air";
  c.time_zone = "America/Chicago";
  c.phone_region = "US";
  Person rick;
  rick.name = "Rick Hollis";
  rick.role = Role::kEstimator;
  rick.email = "rick@summitridge.example.com";
  c.team = {rick};
  return c;
}

// Checks each record as it arrives: every text valid UTF-8, phones in E.164, rejects short;
// and afterwards that no row was both delivered and rejected, and that the counts agree.
class CheckingSink : public ImportSink {
 public:
  // How the importer's reject of the rest of a file begins (empty: it has none).
  std::string rest_of_file_reason;
  // False where a line is not a record (HTML pages: several messages may share a line), so
  // a line both accepted and rejected is no fault; the harness checks records another way.
  bool lines_are_records = true;

  Status OnSignal(const Signal& s) override {
    for (const std::string* t : {&s.id, &s.name, &s.phone_raw, &s.phone, &s.email, &s.subject, &s.text, &s.trade,
                                 &s.lead_source, &s.bulk, &s.source.file})
      RequireUtf8(*t, "signal text is not UTF-8");
    CheckPhone(s.phone);
    Accepted(s.source);
    ++signals;
    return Status::Ok();
  }
  Status OnAttempt(const Attempt& a) override {
    for (const std::string* t : {&a.id, &a.phone, &a.email, &a.actor, &a.from_email, &a.source.file})
      RequireUtf8(*t, "attempt text is not UTF-8");
    CheckPhone(a.phone);
    Require(!a.phone.empty() || !a.email.empty(), "attempt with nobody to match");
    Accepted(a.source);
    ++attempts;
    return Status::Ok();
  }
  Status OnEstimate(const Estimate& e) override {
    for (const std::string* t : {&e.id, &e.number, &e.name, &e.phone, &e.email, &e.estimator, &e.trade, &e.status,
                                 &e.source.file})
      RequireUtf8(*t, "estimate text is not UTF-8");
    CheckPhone(e.phone);
    Require(!e.phone.empty() || !e.email.empty(), "estimate with no phone or email");
    Accepted(e.source);
    ++estimates;
    return Status::Ok();
  }
  Status OnReject(const Reject& r) override {
    RequireUtf8(r.reason, "reject reason is not UTF-8");
    RequireUtf8(r.field, "reject field is not UTF-8");
    RequireUtf8(r.file, "reject file is not UTF-8");
    Require(!r.reason.empty(), "reject without a reason");
    Require(r.reason.size() <= kMaxRejectText, "reject reason quotes too much", r.reason);
    Require(r.field.size() <= kMaxRejectText, "reject field too long", r.field);
    // A reject of the rest of a file is not a row's: JSON records may share a line, so the rest
    // after a break may begin on the line of a record that was read (the reason names the column).
    const bool rest_of_file = !rest_of_file_reason.empty() && r.reason.rfind(rest_of_file_reason, 0) == 0;
    if (r.line > 0 && !rest_of_file && lines_are_records) {
      Require(!accepted_.count({r.file, r.line}), "row both accepted and rejected", r.reason);
      rejected_.insert({r.file, r.line});
    }
    ++rejects;
    return Status::Ok();
  }

  // After the import: ImportStats agrees with what arrived, and no more rows came out than
  // were read.
  void CheckStats(const ImportStats& stats) const {
    Require(stats.signals == signals, "stats.signals differs from the signals delivered");
    Require(stats.attempts == attempts, "stats.attempts differs from the attempts delivered");
    Require(stats.estimates == estimates, "stats.estimates differs from the estimates delivered");
    Require(stats.rejects == rejects, "stats.rejects differs from the rejects delivered");
    for (const std::string& n : stats.notes) RequireUtf8(n, "import note is not UTF-8");
    for (const TableReport& t : stats.tables) {
      RequireUtf8(t.name, "table name is not UTF-8");
      RequireUtf8(t.error, "table error is not UTF-8");
      for (const std::string& h : t.header) RequireUtf8(h, "header is not UTF-8");
    }
    RequireUtf8(stats.kind, "kind is not UTF-8");
    RequireUtf8(stats.encoding, "encoding is not UTF-8");
  }

  std::int64_t signals = 0, attempts = 0, estimates = 0, rejects = 0;

 private:
  static void CheckPhone(const std::string& e164) {
    if (e164.empty()) return;
    Require(e164.size() >= 3 && e164.size() <= 20 && e164[0] == '+' &&
                e164.find_first_not_of("0123456789", 1) == std::string::npos,
            "phone is not E.164", e164);
  }
  void Accepted(const SourceRef& source) {
    if (source.line <= 0 || !lines_are_records) return;
    Require(!rejected_.count({source.file, source.line}), "row both rejected and accepted", source.file);
    accepted_.insert({source.file, source.line});
  }
  std::set<std::pair<std::string, std::int64_t>> accepted_, rejected_;
};

// A file of this process's own holding `data`, for the readers that take a path.
inline std::string WriteTempFile(const std::uint8_t* data, std::size_t size, const char* suffix) {
  const char* dir = std::getenv("TMPDIR");
  const std::string path = std::string(dir && *dir ? dir : "/tmp") + "/ringback-fuzz-" + std::to_string(getpid()) + suffix;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  return path;
}

}  // namespace ringback::fuzz
