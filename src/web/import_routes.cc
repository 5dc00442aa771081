// Import from the browser: upload an export, see how it will be read (the same facts as
// `ringback inspect`), then confirm. Nothing is stored before the confirm; the upload is kept
// in DB.uploads/ so the import reads exactly the bytes that were inspected.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>

#include "ingest/column_map.h"
#include "ingest/import_sink.h"
#include "ingest/importer.h"
#include "pipeline/audit.h"
#include "web/app.h"
#include "web/tokens.h"

namespace ringback::web {
namespace {

namespace fs = std::filesystem;
constexpr std::size_t kShownRejects = 20;
constexpr Seconds kStagedLife = std::chrono::hours(2);
constexpr std::size_t kStagedPerPerson = 5;

// Counts what an import would store and keeps the first rejects; stores nothing.
class DryRunSink final : public ImportSink {
 public:
  Status OnSignal(const Signal&) override { return Status::Ok(); }
  Status OnAttempt(const Attempt&) override { return Status::Ok(); }
  Status OnEstimate(const Estimate&) override { return Status::Ok(); }
  Status OnReject(const Reject& r) override {
    if (rejects.size() < kShownRejects) rejects.push_back(r);
    return Status::Ok();
  }
  std::vector<Reject> rejects;
};

// The name a file had on the person's computer, reduced to something safe on disk.
std::string SafeName(const std::string& name) {
  std::string base = fs::path(name).filename().string();
  std::string out;
  for (char c : base)
    out += (std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_') ? c : '_';
  while (!out.empty() && out[0] == '.') out.erase(0, 1);
  return out.empty() ? "upload" : out.substr(0, 120);
}

// Reads the saved upload as an import would, storing nothing. Runs without the company's write
// turn (see Upload): it reads only its arguments.
Json Inspect(const CompanyConfig& config, const std::string& path, const std::string& display) {
  DryRunSink sink;
  ImportStats stats;
  Status s = ImportFile(path, display, config, sink, &stats);
  Json tables = Json::array();
  for (const TableReport& t : stats.tables) {
    Json columns = Json::array();
    for (std::size_t i = 0; i < t.header.size(); ++i) {
      std::string field;
      if (t.map)
        if (std::optional<Field> f = t.map->FieldOf(static_cast<int>(i))) field = std::string(FieldName(*f));
      columns.push_back({{"column", static_cast<int>(i) + 1}, {"header", t.header[i]}, {"field", field}});
    }
    tables.push_back({{"sheet", t.name}, {"header_line", t.header_line}, {"columns", columns}, {"error", t.error}});
  }
  Json rejects = Json::array();
  for (const Reject& r : sink.rejects)
    rejects.push_back({{"line", r.line}, {"field", r.field}, {"reason", r.reason}});
  return {{"file", display},
          {"ok", s.ok()},
          {"error", s.ok() ? std::string() : s.message()},
          {"format", stats.format},
          {"encoding", stats.encoding},
          {"source", stats.source},
          {"kind", stats.kind},
          {"counts", {{"records", stats.records}, {"signals", stats.signals}, {"attempts", stats.attempts},
                      {"estimates", stats.estimates}, {"rejects", stats.rejects}, {"skipped", stats.skipped}}},
          {"tables", tables},
          {"rejects", rejects},
          {"has_rejects", !rejects.empty()},
          {"notes", stats.notes},
          {"has_notes", !stats.notes.empty()}};
}

// Upload lifetimes run on the clock, not on --as-of (a fixed "now" would keep them forever).
Timestamp Clock() { return std::chrono::floor<Seconds>(std::chrono::system_clock::now()); }

// Under app.staged_mu.
void ForgetOldUploads(App& app) {
  const Timestamp now = Clock();
  for (auto it = app.staged.begin(); it != app.staged.end();) {
    if (now - it->second.at <= kStagedLife && now >= it->second.at) {
      ++it;
      continue;
    }
    std::error_code ec;
    fs::remove_all(fs::path(it->second.path).parent_path(), ec);
    it = app.staged.erase(it);
  }
}

void ImportPage(Context& ctx) { SendPage(ctx, "import", "Import exports", Json::object()); }

void Upload(Context& ctx) {
  if (!ctx.req.is_multipart_form_data() || !ctx.req.has_file("file"))
    throw HttpError{400, "Choose an export file to upload (multipart/form-data, field \"file\")."};
  const httplib::MultipartFormData file = ctx.req.get_file_value("file");
  if (file.content.empty()) throw HttpError{400, "The file \"" + file.filename + "\" is empty."};
  {
    std::lock_guard<std::mutex> guard(ctx.app.staged_mu);
    ForgetOldUploads(ctx.app);
    // At most kStagedPerPerson waiting per person: the oldest goes first.
    std::vector<std::pair<Timestamp, std::string>> mine;
    for (const auto& [t, s] : ctx.app.staged)
      if (s.login == ctx.user.login) mine.emplace_back(s.at, t);
    std::sort(mine.begin(), mine.end());
    for (std::size_t i = 0; i + kStagedPerPerson <= mine.size(); ++i) {
      std::error_code ec;
      fs::remove_all(fs::path(ctx.app.staged[mine[i].second].path).parent_path(), ec);
      ctx.app.staged.erase(mine[i].second);
    }
  }
  const std::string token = RandomToken(16);
  const fs::path dir = fs::path(ctx.app.upload_dir) / token;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw HttpError{500, "cannot keep the upload: " + ec.message()};
  fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace, ec);
  const std::string display = SafeName(file.filename);
  const fs::path path = dir / display;
  // Saving and inspecting a large export takes seconds: done without the lock, so the others
  // using the app are answered meanwhile. The upload's folder is its own (its token is not
  // staged yet) and the config is a copy: a settings save meanwhile changes neither.
  const CompanyConfig config = ctx.config();
  const std::function<void()> on_inspect = ctx.app.on_inspect;
  Json result = ctx.Unlocked([&] {
    {
      std::ofstream out(path, std::ios::binary);
      out.write(file.content.data(), static_cast<std::streamsize>(file.content.size()));
      if (!out) throw HttpError{500, "cannot keep the upload"};
    }
    if (on_inspect) on_inspect();
    return Inspect(config, path.string(), display);
  });
  const bool ok = result["ok"].get<bool>();
  if (ok) {
    std::lock_guard<std::mutex> guard(ctx.app.staged_mu);
    ctx.app.staged[token] = {path.string(), display, ctx.user.login, Clock(), ctx.company->slug};
  } else {
    fs::remove_all(dir, ec);
  }
  result["token"] = ok ? token : std::string();
  if (ctx.api) SendJson(ctx, result, ok ? 200 : 422);
  else SendPage(ctx, "import_result", "Check the import", std::move(result), ok ? 200 : 422);
}

void Confirm(Context& ctx) {
  const std::string token = ctx.api ? std::string(ctx.req.matches[1]) : ctx.Param("token");
  StagedImport staged;
  {
    std::lock_guard<std::mutex> guard(ctx.app.staged_mu);
    auto it = ctx.app.staged.find(token);
    // Into the company it was uploaded to only: the person may have switched since.
    if (it == ctx.app.staged.end() || it->second.login != ctx.user.login || it->second.company != ctx.company->slug)
      throw HttpError{404, "That upload is no longer waiting (uploads wait two hours). Upload it again."};
    staged = it->second;
    ctx.app.staged.erase(it);
  }
  // The upload holds buyers' data: it goes once it is imported (or the import fails).
  struct RemoveUpload {
    std::string dir;
    ~RemoveUpload() {
      std::error_code ec;
      fs::remove_all(dir, ec);
    }
  } remove_upload{fs::path(staged.path).parent_path().string()};
  AuditOptions options;
  options.inputs = {staged.path};
  options.db_path = ctx.app.db_path;
  options.company = ctx.store().company();
  AuditResult result;
  result.as_of = ctx.app.Now();
  Status s = ImportInputs(ctx.store(), ctx.config(), options, result);
  if (s.ok()) s = ctx.Rebuild();
  if (!s.ok()) throw HttpError{500, "the import stopped: " + s.message()};
  std::int64_t signals = 0, attempts = 0, estimates = 0, rejects = 0;
  std::string error;
  for (const FileReport& f : result.files) {
    signals += f.signals;
    attempts += f.attempts;
    estimates += f.estimates;
    rejects += f.rejects;
    if (!f.error.empty()) error = f.error;
  }
  if (!error.empty()) throw HttpError{422, "Nothing of " + staged.display_name + " was imported: " + error};
  const std::string message = "Imported " + staged.display_name + ": " + std::to_string(signals) + " signals, " +
                              std::to_string(attempts) + " callbacks, " + std::to_string(estimates) +
                              " estimates, " + std::to_string(rejects) + " rows set aside.";
  Done(ctx, "/", message,
       {{"signals", signals}, {"attempts", attempts}, {"estimates", estimates}, {"rejects", rejects}});
}

}  // namespace

void AddImportRoutes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/import", "/import", false, Permission::kImport, ImportPage});
  routes.push_back({"POST", "/import", "/import", false, Permission::kImport, Upload});
  routes.push_back({"POST", "/import/confirm", "/import/confirm", false, Permission::kImport, Confirm});
  routes.push_back({"POST", "/api/imports", "/api/imports", false, Permission::kImport, Upload});
  routes.push_back({"POST", "/api/imports/([0-9a-f]{32})/confirm", "/api/imports/00000000000000000000000000000000/confirm",
                    false, Permission::kImport, Confirm});
}

}  // namespace ringback::web
