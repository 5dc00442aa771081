// WriteOutputs: queue.csv, rejects.csv, report.html, review.csv and review.xlsx (and
// recovery.csv when there are estimates), streamed from the store.
#include <filesystem>
#include <fstream>

#include "assign/quiet_hours.h"
#include "identity/phone_timezone.h"
#include "pipeline/audit.h"
#include "review/csv_writer.h"
#include "review/report.h"

namespace ringback {
namespace {

namespace fs = std::filesystem;

// Column names are a contract with users' scripts: extend at the end, never rename.
const std::vector<std::string> kQueueColumns = {
    "id", "received_at", "channel", "contact", "category", "reasons", "owner", "backup_owner", "next_action",
    "deadline", "status", "duplicate_of", "draft", "channels", "first_attempt_at", "summary", "confidence", "trade", "contact_key", "escalations", "send_after",
    "lead_source", "draft_channel"};

std::string Joined(const std::vector<std::string>& items, const char* sep) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : sep) + s;
  return out;
}

std::string ChannelList(const std::vector<Channel>& channels) {
  std::string out;
  for (Channel c : channels) out += (out.empty() ? "" : ",") + std::string(ChannelName(c));
  return out;
}

// A shared (sanitized) queue leaves the contact key out, as recovery.csv does: it is a phone
// number or an email.
std::vector<std::string> QueueCells(const Opportunity& o, const std::string& zone, bool sanitize,
                                    const std::optional<Timestamp>& send_after) {
  auto when = [&zone](const std::optional<Timestamp>& t) { return t ? FormatLocalIso(*t, zone) : std::string(); };
  char confidence[16];
  std::snprintf(confidence, sizeof confidence, "%.2f", o.confidence);
  return {o.id, when(o.received_at), std::string(ChannelName(o.channel)), o.contact_display,
          std::string(CategoryName(o.category)), Joined(o.reasons, "; "), o.owner, o.backup_owner, o.next_action,
          when(o.deadline), std::string(StatusName(o.status)), o.duplicate_of, o.draft, ChannelList(o.channels),
          when(o.first_attempt_at), o.summary, confidence, o.trade, sanitize ? std::string() : o.contact_key,
          std::to_string(o.escalations), when(send_after), o.lead_source, o.draft_channel};
}

// "calls.csv:0: the file is empty" -> "the file is empty": the file and line have columns.
std::string WithoutLocation(const std::string& error, const std::string& file) {
  if (error.rfind(file + ":", 0) != 0) return error;
  const std::size_t sep = error.find(": ", file.size() + 1);
  return sep == std::string::npos ? error : error.substr(sep + 2);
}

Status OpenOut(const fs::path& path, std::ofstream& out) {
  out.open(path, std::ios::binary | std::ios::trunc);
  if (!out) return Status::IoError("cannot write " + path.string());
  return Status::Ok();
}

// "Mon 11/16 – Sun 11/22": the span of the week the signals cover.
std::string Period(const WeeklySummary&, Timestamp first, Timestamp last, const std::string& zone) {
  if (first == Timestamp{}) return "(no signals)";
  return FormatLocal(first, zone, "%a %m/%d") + " – " + FormatLocal(last, zone, "%a %m/%d/%Y");
}

// rejects.csv: files that could not be read, then rows set aside. (recovery.csv is written
// while the recovery plan is made: PlanRecoveryFromStore.)
Status WriteRejects(Store& store, const AuditResult& result, const fs::path& dir) {
  std::ofstream rejects;
  if (Status o = OpenOut(dir / "rejects.csv", rejects); !o.ok()) return o;
  rejects << CsvLine({"file", "line", "reason", "field"});
  for (const FileReport& f : result.files)
    if (!f.error.empty()) rejects << CsvLine({f.file, "0", WithoutLocation(f.error, f.file), ""});
  Status s = store.ForEachReject([&](const Reject& r) {
    rejects << CsvLine({r.file, std::to_string(r.line), r.field.empty() ? r.reason : r.field + ": " + r.reason, r.field});
    return Status::Ok();
  });
  if (!s.ok()) return s;
  if (!rejects.flush()) return Status::IoError("cannot write " + (dir / "rejects.csv").string());
  return Status::Ok();
}

}  // namespace

std::optional<Timestamp> DraftSendAfter(const Opportunity& o, const CompanyConfig& config, Timestamp as_of) {
  if (o.draft.empty()) return std::nullopt;
  // Quiet hours are for calls and texts (47 CFR 64.1200(c)(1)); an email may go at once.
  if (o.draft_channel == "email") return std::max(as_of, o.received_at);
  const std::string phone = o.contact_key.rfind("tel:+", 0) == 0 ? o.contact_key.substr(4) : std::string();
  const PhoneZone zone = phone.empty() ? PhoneZone{config.time_zone, "", false, {}, "the company's zone"}
                                       : ZoneForPhone(phone, config.time_zone);
  return SendAfter(config, std::max(as_of, o.received_at), zone, o.category == Category::kEmergency);
}

Status WriteOutputs(Store& store, const CompanyConfig& config, const AuditOptions& options, AuditResult& result,
                    std::string* report_html) {
  StatusOr<StoreCounts> counts = store.Counts();
  if (!counts.ok()) return counts.status();
  result.counts = *counts;
  ReportInput report;
  Timestamp first{}, last{};
  std::ofstream queue;
  const bool write = !options.out_dir.empty();
  const fs::path dir(options.out_dir);
  if (write) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) return Status::IoError("cannot create " + options.out_dir + ": " + ec.message());
    if (Status s = OpenOut(dir / "queue.csv", queue); !s.ok()) return s;
    queue << CsvLine(kQueueColumns);
  }
  Status s = store.ForEachOpportunity([&](const Opportunity& stored) {
    Opportunity o = stored;
    const std::optional<Timestamp> send_after = DraftSendAfter(o, config, result.as_of);
    if (options.sanitize) SanitizeForSharing(o);
    AddToSummary(result.summary, o);
    if (first == Timestamp{} || o.received_at < first) first = o.received_at;
    if (o.received_at > last) last = o.received_at;
    if (report.queue.size() < kReportQueueRows) {
      report.queue.push_back(o);
      report.send_after.push_back(send_after);
    }
    ++report.queue_total;
    if (write) queue << CsvLine(QueueCells(o, config.time_zone, options.sanitize, send_after));
    return Status::Ok();
  });
  if (!s.ok()) return s;
  if (!write && !report_html) return Status::Ok();
  if (write) {
    if (!queue.flush()) return Status::IoError("cannot write " + (dir / "queue.csv").string());
    if (Status w = WriteRejects(store, result, dir); !w.ok()) return w;
  }

  const IsoWeek week = options.week ? *options.week : IsoWeekOf(last == Timestamp{} ? result.as_of : last, config.time_zone);
  StatusOr<ReviewRun> review = ComputeReview(store, config, week, result.as_of, options.sanitize);
  if (!review.ok()) return review.status();
  result.review = std::move(review).value();
  if (write) {
    if (Status r = WriteReviewCsv(*result.review, (dir / "review.csv").string()); !r.ok()) return r;
    if (Status r = WriteReviewXlsx(*result.review, config, (dir / "review.xlsx").string()); !r.ok()) return r;
  }
  report.week = &result.review->week;
  report.previous = &result.review->previous;
  report.heat_map = &result.review->heat_map;
  report.leak_assumptions = LeakAssumptionsFor(config);
  if (result.recovery) {
    report.recovery = &result.recovery->plan;
    report.recovered = result.recovery->recovered + result.review->recovered;
    report.recovered_cents = result.recovery->recovered_cents + result.review->recovered_cents;
  }
  report.company = config.name;
  report.time_zone = config.time_zone;
  report.as_of = result.as_of;
  report.period = Period(result.summary, first, last, config.time_zone);
  report.signals = counts->signals;
  report.rejected = counts->rejects;
  report.summary = &result.summary;
  if (report_html) *report_html = RenderReport(report);
  if (!write) return Status::Ok();
  std::ofstream html;
  if (Status o = OpenOut(dir / "report.html", html); !o.ok()) return o;
  html << (report_html ? *report_html : RenderReport(report));
  if (!html.flush()) return Status::IoError("cannot write " + (dir / "report.html").string());
  return Status::Ok();
}

}  // namespace ringback
