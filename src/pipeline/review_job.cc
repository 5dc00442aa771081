#include "pipeline/review_job.h"

#include <date/date.h>
#include <date/tz.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <fstream>
#include <optional>
#include <set>

#include "assign/assigner.h"
#include "identity/phone.h"
#include "identity/sanitize.h"
#include "recovery/recovery.h"
#include "review/csv_writer.h"

namespace ringback {
namespace {

// Trimmed, lower case: how roster names and export actors are compared.
std::string NameKey(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Trimmed lower-case names of the roster's technicians.
std::set<std::string> Technicians(const CompanyConfig& config) {
  std::set<std::string> out;
  for (const Person& p : config.team)
    if (p.role == Role::kTechnician) out.insert(NameKey(p.name));
  return out;
}

// Notes in the store, per contact, whether an estimate export names them and what the outbound
// records since `from` say: called or texted by a technician, contacted by anyone else, and the
// first reply mailed from outside the shared inboxes. One sorted read each, one contact in
// memory at a time. Sets `have_estimates` when there is any estimate.
Status NoteContacts(Store& store, const CompanyConfig& config, Timestamp from, bool& have_estimates) {
  if (Status s = store.ClearContactNotes(); !s.ok()) return s;
  std::optional<std::string> last;  // estimates come by contact: one note per contact
  Status s = store.ForEachEstimate([&](const std::string& key, const Estimate&) {
    have_estimates = true;
    if (last == key) return Status::Ok();
    last = key;
    return store.PutContactNote(key, {.in_estimates = true});
  });
  if (!s.ok()) return s;
  const std::set<std::string> technicians = Technicians(config);
  const std::set<std::string> shared(config.shared_inboxes.begin(), config.shared_inboxes.end());
  std::string key;
  ContactNote note;
  auto put = [&] { return key.empty() ? Status::Ok() : store.PutContactNote(key, note); };
  s = store.ForEachContactAttempt(from, Timestamp::max(), [&](const std::string& contact, const Attempt& a) {
    if ((a.phone.empty() && a.email.empty()) || contact.empty()) return Status::Ok();
    if (contact != key) {
      if (Status p = put(); !p.ok()) return p;
      key = contact;
      note = ContactNote{};
    }
    // A technician "reaching" a buyer is a call or a text from their phone; mail is the office's.
    const bool technician = technicians.count(NameKey(a.actor)) && (a.channel == Channel::kCall || a.channel == Channel::kSms);
    (technician ? note.technician_attempt : note.other_attempt) = true;
    if (a.channel == Channel::kEmail && !shared.empty() && !a.from_email.empty() && !shared.count(a.from_email) &&
        note.personal_reply_from.empty())
      note.personal_reply_from = a.from_email;  // attempts come oldest first: the first reply
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return put();
}

// "A.R. ***-***-0142": what a shared report may show of a contact.
std::string SanitizedContact(const Opportunity& o) {
  const std::size_t dot = o.contact_display.find(" · ");
  std::string name = o.contact_display.substr(0, dot);
  if (const std::size_t masked = name.find("***"); masked != std::string::npos)  // "J.Q.D. ***-***-0142"
    name = name.substr(0, masked == 0 ? 0 : masked - 1);
  const bool is_name = name.find('@') == std::string::npos &&
                       std::none_of(name.begin(), name.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
  // Already initials ("T.N.", each capital followed by a dot): a sanitized import wrote them.
  bool initials = !name.empty();
  for (std::size_t i = 0; i < name.size() && initials; ++i) {
    if (name[i] == ' ') continue;
    initials = std::isupper(static_cast<unsigned char>(name[i])) && i + 1 < name.size() && name[i + 1] == '.';
    ++i;  // the dot
  }
  std::string out = initials ? name : is_name ? Initials(name) : std::string();
  // A phone key, real ("tel:+1512…") or a sanitized hash ending in the last four digits.
  if (o.contact_key.rfind("tel:", 0) == 0) out += (out.empty() ? "" : " ") + MaskPhone(o.contact_key.substr(4));
  return out.empty() ? "(contact)" : out;
}

}  // namespace

void SanitizeForSharing(Opportunity& o) {
  const std::size_t dot = o.contact_display.find(" · ");
  const std::string name = o.contact_display.substr(0, dot);
  o.contact_display = SanitizedContact(o);
  o.summary = ScrubName(ScrubText(o.summary), name);
  for (std::string& r : o.reasons) r = ScrubName(ScrubText(r), name);
  o.draft.clear();
}

LeakAssumptions LeakAssumptionsFor(const CompanyConfig& config) {
  LeakAssumptions a = DefaultLeakAssumptions();
  if (config.booking_rate) a.booking_rate = *config.booking_rate;
  if (config.job_value_cents) {
    a.default_job_value_cents = *config.job_value_cents;
    a.average_job_value_cents.clear();
  }
  for (const auto& [cat, cents] : config.job_value_by_category_cents) a.average_job_value_cents[cat] = cents;
  return a;
}

StatusOr<ReviewRun> ComputeReview(Store& store, const CompanyConfig& config, const IsoWeek& week, Timestamp as_of,
                                  bool sanitize) {
  ReviewRun run;
  run.as_of = as_of;
  const IsoWeek previous = PreviousWeek(week, config.time_zone);
  if (Status s = NoteContacts(store, config, previous.start, run.have_estimates); !s.ok()) return s;

  StatusOr<std::int64_t> signals_this_week = store.CountSignals(week.start, week.end);
  if (!signals_this_week.ok()) return signals_this_week.status();
  StatusOr<std::int64_t> signals_before = store.CountSignals(previous.start, week.start);
  if (!signals_before.ok()) return signals_before.status();

  const LeakAssumptions leak = LeakAssumptionsFor(config);
  WeekReviewBuilder current(config, week, leak, run.have_estimates, as_of);
  WeekReviewBuilder before(config, previous, leak, run.have_estimates, as_of);
  HeatMapBuilder heat_map(config, week);
  Status s = store.ForEachNotedOpportunity(previous.start, week.end, [&](const Opportunity& o, const ContactNote& note,
                                                                  const std::vector<Outcome>& outcomes) {
    ReviewRow row{o, outcomes, note.in_estimates, note.technician_attempt, note.other_attempt, ""};
    if (!note.personal_reply_from.empty())
      row.personal_reply_from = sanitize ? "a staff member's own address" : note.personal_reply_from;
    if (sanitize) {
      const std::string name = o.contact_display.substr(0, o.contact_display.find(" · "));
      for (Outcome& out : row.outcomes) out.note = ScrubName(ScrubText(out.note), name);
      SanitizeForSharing(row.opportunity);
    }
    current.Add(row);
    before.Add(row);
    heat_map.Add(row.opportunity);
    if (o.received_at >= week.start) {
      run.rows.push_back(row.opportunity);
      for (const Outcome& out : row.outcomes) run.outcomes.push_back(out);
      // A booked old-estimate follow-up is recovered revenue: the value is in the estimates.
      if (o.category == Category::kOldEstimate && std::any_of(row.outcomes.begin(), row.outcomes.end(), [](const Outcome& x) {
            return x.kind == OutcomeKind::kBooked;
          })) {
        StatusOr<std::vector<Estimate>> estimates = store.EstimatesFor(o.contact_key);
        // A quote the export already shows as won is counted by the recovery run, not twice.
        if (estimates.ok() && !estimates->empty() && !IsWonEstimate(estimates->back().status)) {
          ++run.recovered;
          run.recovered_cents += estimates->back().total_cents;
        }
      }
    }
    return Status::Ok();
  });
  if (Status c = store.ClearContactNotes(); s.ok()) s = c;
  if (!s.ok()) return s;
  run.week = current.Finish();
  run.previous = before.Finish();
  run.week.signals = *signals_this_week;
  run.previous.signals = *signals_before;
  run.heat_map = heat_map.Finish();
  return run;
}

Status WriteReviewCsv(const ReviewRun& run, const std::string& path) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return Status::IoError("cannot write " + path);
  out << CsvLine({"metric", "this_week", "last_week", "change"});
  auto number = [](double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, v == static_cast<double>(static_cast<long long>(v)) ? "%.0f" : "%.2f", v);
    return std::string(buf);
  };
  for (const ReviewFigure& f : ReviewFigures(run.week, run.previous))
    out << CsvLine({f.metric + (f.seconds ? " (seconds)" : ""), number(f.this_week), number(f.last_week),
                    number(f.this_week - f.last_week)});
  if (!out.flush()) return Status::IoError("cannot write " + path);
  return Status::Ok();
}

namespace {

// The local wall-clock time of `t` as the workbook's date type.
lxw_datetime LocalDateTime(Timestamp t, const std::string& zone) {
  const date::time_zone* tz = nullptr;
  try {
    tz = date::locate_zone(zone);
  } catch (const std::exception&) {
    tz = date::locate_zone("UTC");
  }
  const auto local = tz->to_local(t);
  const auto day = date::floor<date::days>(local);
  const date::year_month_day ymd{day};
  const date::hh_mm_ss hms{local - day};
  return lxw_datetime{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
                      static_cast<int>(static_cast<unsigned>(ymd.day())), static_cast<int>(hms.hours().count()),
                      static_cast<int>(hms.minutes().count()), static_cast<double>(hms.seconds().count())};
}

// Writes workbooks cell by cell. Strings always go in as text (worksheet_write_string never
// makes a formula), cut to Excel's 32,767 characters.
class Sheet {
 public:
  Sheet(lxw_workbook* wb, lxw_worksheet* ws, const std::string& zone, lxw_format* date, lxw_format* money)
      : wb_(wb), ws_(ws), zone_(zone), date_(date), money_(money) {}
  void Text(lxw_row_t r, lxw_col_t c, const std::string& s, lxw_format* f = nullptr) {
    std::string v = s;
    if (v.size() > 32767) {  // cut before the character that straddles the limit
      std::size_t cut = 32767;
      while (cut > 0 && (static_cast<unsigned char>(v[cut]) & 0xC0) == 0x80) --cut;
      v.resize(cut);
    }
    worksheet_write_string(ws_, r, c, v.c_str(), f);
  }
  void Number(lxw_row_t r, lxw_col_t c, double v, lxw_format* f = nullptr) { worksheet_write_number(ws_, r, c, v, f); }
  void Money(lxw_row_t r, lxw_col_t c, double dollars) { Number(r, c, dollars, money_); }
  void When(lxw_row_t r, lxw_col_t c, const std::optional<Timestamp>& t) {
    if (!t) return;
    lxw_datetime dt = LocalDateTime(*t, zone_);
    worksheet_write_datetime(ws_, r, c, &dt, date_);
  }
  void Header(const std::vector<std::string>& names, lxw_format* bold) {
    for (std::size_t i = 0; i < names.size(); ++i) Text(0, static_cast<lxw_col_t>(i), names[i], bold);
    worksheet_freeze_panes(ws_, 1, 0);
  }
  lxw_worksheet* ws() { return ws_; }
  lxw_workbook* wb() { return wb_; }

 private:
  lxw_workbook* wb_;
  lxw_worksheet* ws_;
  const std::string& zone_;
  lxw_format* date_;
  lxw_format* money_;
};

void SummarySheet(Sheet& s, const ReviewRun& run, lxw_format* bold, lxw_format* percent) {
  s.Header({"Metric", "This week (" + run.week.week.Label() + ")", "Last week (" + run.previous.week.Label() + ")", "Change"},
           bold);
  worksheet_set_column(s.ws(), 0, 0, 46, nullptr);
  worksheet_set_column(s.ws(), 1, 3, 18, nullptr);
  lxw_row_t r = 1;
  for (const ReviewFigure& f : ReviewFigures(run.week, run.previous)) {
    s.Text(r, 0, f.metric + (f.seconds ? " (hours)" : ""));
    for (int col = 1; col <= 3; ++col) {
      const double v = col == 1 ? f.this_week : col == 2 ? f.last_week : f.this_week - f.last_week;
      if (f.money) s.Money(r, static_cast<lxw_col_t>(col), v);
      else if (f.seconds) s.Number(r, static_cast<lxw_col_t>(col), v / 3600.0);
      else if (f.percent) s.Number(r, static_cast<lxw_col_t>(col), v, percent);
      else s.Number(r, static_cast<lxw_col_t>(col), v);
    }
    ++r;
  }
}

void QueueSheet(Sheet& s, const ReviewRun& run, lxw_format* bold) {
  s.Header({"id", "received_at", "channel", "contact", "category", "owner", "backup_owner", "next_action", "deadline",
            "status", "first_attempt_at", "escalations", "duplicate_of", "summary"},
           bold);
  worksheet_set_column(s.ws(), 1, 1, 17, nullptr);
  worksheet_set_column(s.ws(), 8, 8, 17, nullptr);
  worksheet_set_column(s.ws(), 10, 10, 17, nullptr);
  lxw_row_t r = 1;
  for (const Opportunity& o : run.rows) {
    s.Text(r, 0, o.id);
    s.When(r, 1, o.received_at);
    s.Text(r, 2, std::string(ChannelName(o.channel)));
    s.Text(r, 3, o.contact_display);
    s.Text(r, 4, std::string(CategoryName(o.category)));
    s.Text(r, 5, o.owner);
    s.Text(r, 6, o.backup_owner);
    s.Text(r, 7, o.next_action);
    s.When(r, 8, o.deadline);
    s.Text(r, 9, std::string(StatusName(o.status)));
    s.When(r, 10, o.first_attempt_at);
    s.Number(r, 11, o.escalations);
    s.Text(r, 12, o.duplicate_of);
    s.Text(r, 13, o.summary);
    ++r;
  }
}

void OutcomesSheet(Sheet& s, const ReviewRun& run, lxw_format* bold) {
  s.Header({"opportunity_id", "at", "outcome", "actor", "note", "inferred"}, bold);
  worksheet_set_column(s.ws(), 1, 1, 17, nullptr);
  lxw_row_t r = 1;
  for (const Outcome& o : run.outcomes) {
    s.Text(r, 0, o.opportunity_id);
    s.When(r, 1, o.at);
    s.Text(r, 2, std::string(OutcomeName(o.kind)));
    s.Text(r, 3, o.actor);
    s.Text(r, 4, o.note);
    s.Text(r, 5, o.inferred ? "yes" : "no");
    ++r;
  }
}

void FailuresSheet(Sheet& s, const ReviewRun& run, lxw_format* bold) {
  s.Header({"point", "count this week", "opportunity_id", "received_at", "contact", "category", "owner", "why"}, bold);
  worksheet_set_column(s.ws(), 3, 3, 17, nullptr);
  worksheet_set_column(s.ws(), 7, 7, 60, nullptr);
  lxw_row_t r = 1;
  for (const HandoffFailure& f : run.week.failures) {
    s.Text(r, 0, std::string(HandoffName(f.point)));
    s.Number(r, 1, run.week.failures_by_point.at(f.point));
    s.Text(r, 2, f.opportunity_id);
    s.When(r, 3, f.received_at);
    s.Text(r, 4, f.contact);
    s.Text(r, 5, std::string(CategoryName(f.category)));
    s.Text(r, 6, f.owner);
    s.Text(r, 7, f.why);
    ++r;
  }
}

}  // namespace

Status WriteReviewXlsx(const ReviewRun& run, const CompanyConfig& config, const std::string& path) {
  lxw_workbook_options options{};
  options.constant_memory = LXW_FALSE;
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
  if (!wb) return Status::IoError("cannot write " + path);
  lxw_doc_properties properties{};
  properties.created = static_cast<time_t>(ToUnix(run.as_of));
  workbook_set_properties(wb, &properties);
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  lxw_format* date = workbook_add_format(wb);
  format_set_num_format(date, "yyyy-mm-dd hh:mm");
  lxw_format* money = workbook_add_format(wb);
  format_set_num_format(money, "\"$\"#,##0.00");
  lxw_format* percent = workbook_add_format(wb);
  format_set_num_format(percent, "0.0%");
  const std::string& zone = config.time_zone;
  Sheet summary(wb, workbook_add_worksheet(wb, "Summary"), zone, date, money);
  SummarySheet(summary, run, bold, percent);
  Sheet queue(wb, workbook_add_worksheet(wb, "Queue"), zone, date, money);
  QueueSheet(queue, run, bold);
  Sheet outcomes(wb, workbook_add_worksheet(wb, "Outcomes"), zone, date, money);
  OutcomesSheet(outcomes, run, bold);
  Sheet failures(wb, workbook_add_worksheet(wb, "Failures"), zone, date, money);
  FailuresSheet(failures, run, bold);
  const lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) return Status::IoError("cannot write " + path + ": " + lxw_strerror(err));
  return Status::Ok();
}

}  // namespace ringback
