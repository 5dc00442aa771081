#include "pipeline/audit.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>

#include "ingest/importer.h"
#include "ingest/mapping_file.h"
#include "ingest/progress.h"
#include "pipeline/store_sink.h"

namespace ringback {
namespace {

namespace fs = std::filesystem;

// Extensions read when walking a folder; other files (notes, scripts, a Takeout's audio and
// images) are passed over. HTML pages are read only when they are Google Voice Takeout pages
// (a Takeout folder also holds an archive browser page and others).
bool LooksLikeExport(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (std::string_view e : {".csv", ".tsv", ".txt", ".mbox", ".mbx", ".eml", ".xlsx", ".json", ".jsonl", ""})
    if (ext == e) return true;
  if (ext == ".html" || ext == ".htm") {
    std::ifstream in(p, std::ios::binary);
    std::string head(16384, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    return LooksLikeGoogleVoicePage(head);
  }
  return false;
}

// Files in a stable order, so that an audit is reproducible whatever the directory order.
std::vector<std::string> Expand(const std::string& input, std::vector<FileReport>& missing) {
  std::error_code ec;
  fs::path path(input);
  if (fs::is_directory(path, ec)) {
    std::vector<std::string> files;
    for (auto it = fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied, ec);
         it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) break;
      const fs::path& p = it->path();
      if (p.filename().string().rfind('.', 0) == 0) {
        if (it->is_directory()) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file() && LooksLikeExport(p)) files.push_back(p.string());
    }
    std::sort(files.begin(), files.end());
    return files;
  }
  if (!fs::exists(path, ec)) {
    missing.push_back({input, "", "", 0, 0, 0, 0, input + ":0: no such file or folder"});
    return {};
  }
  return {input};
}

// A mapping file beside an export applies to it: calls.csv takes calls.mapping.toml (or
// calls.csv.mapping.toml). Returns nullopt when there is none.
StatusOr<std::optional<MappingOverride>> SidecarMapping(const std::string& file) {
  std::error_code ec;
  const fs::path path(file);
  for (const fs::path& candidate : {fs::path(path).replace_extension(".mapping.toml"), fs::path(file + ".mapping.toml")}) {
    if (!fs::exists(candidate, ec)) continue;
    StatusOr<MappingOverride> mapping = LoadMappingOverride(candidate.string());
    if (!mapping.ok()) return mapping.status();
    return std::optional<MappingOverride>(std::move(mapping).value());
  }
  return std::optional<MappingOverride>();
}

// The key that keeps sanitized handles stable: kept beside the database (DB.sanitize-key,
// readable by its owner only) so a re-import links to the same contacts; a fresh one per run
// for an in-memory database.
StatusOr<std::string> SanitizeKey(const AuditOptions& options) {
  auto fresh = [] {
    std::random_device random;
    std::string key;
    for (int i = 0; i < 8; ++i) {
      char buf[9];
      std::snprintf(buf, sizeof buf, "%08x", random());
      key += buf;
    }
    return key;
  };
  const std::string path = options.sanitize_key_path.empty()
                               ? DefaultSanitizeKeyPath(options.db_path, options.company)
                               : options.sanitize_key_path;
  if (path.empty()) {
    if (IsPostgresUri(options.db_path))
      return Status::InvalidArgument("--sanitize with a PostgreSQL --db needs --sanitize-key FILE: where the key "
                                     "that keeps sanitized contacts linked is kept, outside the database");
    return fresh();
  }
  std::ifstream in(path);
  std::string key;
  if (in >> key && key.size() >= 32) return key;
  key = fresh();
  std::ofstream out(path, std::ios::trunc);
  if (!(out << key << "\n")) return Status::IoError("cannot write the sanitize key " + path);
  out.close();
  std::error_code ec;
  fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace, ec);
  return key;
}

}  // namespace

Status ImportInputs(Store& store, const CompanyConfig& config, const AuditOptions& options,
                    AuditResult& result) {
  StoreSink sink(store);
  ProgressBar progress(std::cerr);
  ImportOptions base;
  base.progress = progress.Callback();
  if (options.sanitize) {
    StatusOr<std::string> key = SanitizeKey(options);
    if (!key.ok()) return key.status();
    base.sanitize_key = *key;
  }
  for (const std::string& input : options.inputs) {
    for (const std::string& file : Expand(input, result.files)) {
      ImportStats stats;
      ImportOptions import = base;
      StatusOr<std::optional<MappingOverride>> mapping = SidecarMapping(file);
      if (!mapping.ok()) {
        result.files.push_back({file, "", "", 0, 0, 0, 0, mapping.status().message()});
        continue;
      }
      import.mapping = *mapping;
      if (Status s = store.Begin(); !s.ok()) return s;
      progress.Begin(fs::path(file).filename().string());
      Status s = ImportFile(file, file, config, import, sink, &stats);
      progress.End();
      FileReport report{file, stats.format, stats.kind, stats.signals, stats.attempts, stats.estimates, stats.rejects, ""};
      if (s.ok()) {
        if (Status c = store.Commit(); !c.ok()) return c;
      } else {
        if (Status r = store.Rollback(); !r.ok()) return r;
        if (s.code() != Status::Code::kInvalidArgument && s.code() != Status::Code::kIoError &&
            s.code() != Status::Code::kNotFound)
          return s;  // the store failed: nothing more can be trusted
        report = {file, stats.format, stats.kind, 0, 0, 0, 0, s.message()};
      }
      result.files.push_back(std::move(report));
    }
  }
  return Status::Ok();
}

namespace {

// Before the queue is built from a database file: a forgotten person whom an export brought
// back gets their stop again, and message bodies past [retention] keep_text_days are purged.
Status ApplyPrivacy(Store& store, const CompanyConfig& config, const AuditOptions& options, const AuditResult& result) {
  if (options.db_path.empty()) return Status::Ok();
  if (StatusOr<std::int64_t> s = store.ReinstateForgottenStops(); !s.ok()) return s.status();
  if (config.keep_text_days > 0)
    if (StatusOr<std::int64_t> s = store.PurgeTextBefore(result.as_of - std::chrono::days(config.keep_text_days));
        !s.ok())
      return s.status();
  return Status::Ok();
}

// Rebuilds the queue, plans recovery when there are estimates, writes the outputs. The stored
// queue is sanitized only when the facts are (`sanitize_store`): a shared review of a private
// database sanitizes its outputs and leaves the office's queue as it was.
Status DeriveAndWrite(Store& store, const CompanyConfig& config, const AuditOptions& options, AuditResult& result,
                      bool sanitize_store) {
  AuditOptions rebuild = options;
  rebuild.sanitize = sanitize_store;
  if (Status s = RebuildQueue(store, config, rebuild, result); !s.ok()) return s;
  StatusOr<StoreCounts> counts = store.Counts();
  if (!counts.ok()) return counts.status();
  if (counts->estimates > 0) {
    // recovery.csv is written as the plan is made, a quote at a time.
    RecoveryCsvWriter csv(config, options.sanitize);
    RecoveryItemSink sink;
    if (!options.out_dir.empty()) {
      std::error_code ec;
      fs::create_directories(options.out_dir, ec);
      if (ec) return Status::IoError("cannot create " + options.out_dir + ": " + ec.message());
      if (Status s = csv.Open((fs::path(options.out_dir) / "recovery.csv").string()); !s.ok()) return s;
      sink = [&csv](const RecoveryItem& item) { return csv.Write(item); };
    }
    StatusOr<RecoveryRun> recovery = PlanRecoveryFromStore(store, config, RecoveryOptionsFor(config, options.recovery),
                                                           result.as_of, options.sanitize, nullptr, sink);
    if (!recovery.ok()) return recovery.status();
    if (sink)
      if (Status s = csv.Close(); !s.ok()) return s;
    result.recovery = std::move(recovery).value();
  }
  return WriteOutputs(store, config, options, result);
}

}  // namespace

std::string DefaultSanitizeKeyPath(const std::string& db, const std::string& company) {
  if (db.empty() || db == ":memory:" || IsPostgresUri(db)) return "";
  return company == kDefaultCompany ? db + ".sanitize-key" : db + "." + company + ".sanitize-key";
}

StatusOr<AuditResult> RunAudit(const CompanyConfig& config, const AuditOptions& options) {
  if (!options.db_path.empty() && !IsPostgresUri(options.db_path)) {
    std::error_code ec;
    const fs::path parent = fs::path(options.db_path).parent_path();
    if (!parent.empty()) fs::create_directories(parent, ec);
  }
  if (options.sanitize && options.sanitize_key_path.empty() && IsPostgresUri(options.db_path))
    return Status::InvalidArgument("--sanitize with a PostgreSQL --db needs --sanitize-key FILE: where the key "
                                   "that keeps sanitized contacts linked is kept, outside the database");
  StatusOr<std::unique_ptr<Store>> store =
      OpenStore(options.db_path.empty() ? ":memory:" : options.db_path, options.company);
  if (!store.ok()) return store.status();
  AuditResult result;
  result.as_of = options.as_of ? *options.as_of
                               : std::chrono::floor<Seconds>(std::chrono::system_clock::now());
  if (Status s = ImportInputs(**store, config, options, result); !s.ok()) return s;
  if (Status s = ApplyPrivacy(**store, config, options, result); !s.ok()) return s;
  if (Status s = DeriveAndWrite(**store, config, options, result, options.sanitize); !s.ok()) return s;
  return result;
}

StatusOr<AuditResult> RunReview(const CompanyConfig& config, const AuditOptions& options) {
  if (options.db_path.empty())
    return Status::NotFound("no database given: run `ringback audit ... --db FILE` first");
  StatusOr<std::unique_ptr<Store>> store =
      OpenStore(options.db_path, options.company, {.create_database = false, .create_company = false});
  if (!store.ok()) return store.status();
  AuditResult result;
  result.as_of = options.as_of ? *options.as_of : std::chrono::floor<Seconds>(std::chrono::system_clock::now());
  if (Status s = ApplyPrivacy(**store, config, options, result); !s.ok()) return s;
  if (Status s = DeriveAndWrite(**store, config, options, result, false); !s.ok()) return s;
  return result;
}

}  // namespace ringback
