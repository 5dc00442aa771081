#include "pipeline/audit.h"

#include <algorithm>
#include <filesystem>

#include "ingest/importer.h"
#include "pipeline/store_sink.h"

namespace ringback {
namespace {

namespace fs = std::filesystem;

// Extensions read when walking a folder; other files (notes, scripts) are passed over.
bool LooksLikeExport(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (std::string_view e : {".csv", ".tsv", ".txt", ".mbox", ".mbx", ".eml", ".xlsx", ".json", ".jsonl", ""})
    if (ext == e) return true;
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

}  // namespace

Status ImportInputs(Store& store, const CompanyConfig& config, const AuditOptions& options,
                    AuditResult& result) {
  StoreSink sink(store);
  for (const std::string& input : options.inputs) {
    for (const std::string& file : Expand(input, result.files)) {
      ImportStats stats;
      if (Status s = store.Begin(); !s.ok()) return s;
      Status s = ImportFile(file, file, config, sink, &stats);
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

// Rebuilds the queue, plans recovery when there are estimates, writes the outputs.
Status DeriveAndWrite(Store& store, const CompanyConfig& config, const AuditOptions& options, AuditResult& result) {
  if (Status s = RebuildQueue(store, config, options, result); !s.ok()) return s;
  StatusOr<StoreCounts> counts = store.Counts();
  if (!counts.ok()) return counts.status();
  if (counts->estimates > 0) {
    StatusOr<RecoveryRun> recovery = PlanRecoveryFromStore(store, config, options.recovery, result.as_of, options.sanitize);
    if (!recovery.ok()) return recovery.status();
    result.recovery = std::move(recovery).value();
  }
  return WriteOutputs(store, config, options, result);
}

}  // namespace

StatusOr<AuditResult> RunAudit(const CompanyConfig& config, const AuditOptions& options) {
  if (!options.db_path.empty()) {
    std::error_code ec;
    const fs::path parent = fs::path(options.db_path).parent_path();
    if (!parent.empty()) fs::create_directories(parent, ec);
  }
  StatusOr<std::unique_ptr<Store>> store = OpenSqliteStore(options.db_path.empty() ? ":memory:" : options.db_path);
  if (!store.ok()) return store.status();
  AuditResult result;
  result.as_of = options.as_of ? *options.as_of
                               : std::chrono::floor<Seconds>(std::chrono::system_clock::now());
  if (Status s = ImportInputs(**store, config, options, result); !s.ok()) return s;
  if (Status s = DeriveAndWrite(**store, config, options, result); !s.ok()) return s;
  return result;
}

StatusOr<AuditResult> RunReview(const CompanyConfig& config, const AuditOptions& options) {
  std::error_code ec;
  if (options.db_path.empty() || !fs::exists(options.db_path, ec))
    return Status::NotFound("no database at \"" + options.db_path + "\": run `ringback audit ... --db FILE` first");
  StatusOr<std::unique_ptr<Store>> store = OpenSqliteStore(options.db_path);
  if (!store.ok()) return store.status();
  AuditResult result;
  result.as_of = options.as_of ? *options.as_of : std::chrono::floor<Seconds>(std::chrono::system_clock::now());
  if (Status s = DeriveAndWrite(**store, config, options, result); !s.ok()) return s;
  return result;
}

}  // namespace ringback
