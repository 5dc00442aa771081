// The office's tools: the leak and response-time calculators, the two checklists with their
// ticks saved, and the seven-day plan with its progress.
#include "pipeline/review_job.h"
#include "review/calculator_input.h"
#include "review/leak.h"
#include "review/seven_day_plan.h"
#include "web/app.h"

namespace ringback::web {
namespace {

struct ChecklistItem {
  const char* id;
  const char* group;
  const char* text;
};
struct Checklist {
  const char* id;
  const char* title;
  const char* why;
  std::vector<ChecklistItem> items;
};

// The two checklists. Item ids are stored with the ticks: keep them when rewording.
const std::vector<Checklist>& Checklists() {
  static const std::vector<Checklist> lists = {
      {"cleanup", "Follow-up cleanup",
       "Once a week: every place a buyer can reach you ends with a person who owns the callback.",
       {{"calls-log", "Calls", "Export the call log and voicemails for the last 7 days and import them."},
        {"calls-voicemail", "Calls", "Voicemail transcripts reach the shared inbox, not one phone."},
        {"calls-after-hours", "Calls", "After-hours calls forward to the person on call, and they know it."},
        {"forms-inbox", "Forms", "Web form notifications go to a shared inbox that someone watches all day."},
        {"forms-test", "Forms", "Send a test form; it shows up in the import and on the board."},
        {"ai-promises", "AI replies", "Auto-replies and AI chat promise nothing the office cannot keep (no fixed times)."},
        {"ai-handoff", "AI replies", "Every AI or auto-reply conversation that asked for a person has an owner."},
        {"estimates-export", "Old estimates", "Export open estimates older than 30 days and import them."},
        {"estimates-stops", "Old estimates", "Contacts who asked to stop are out of every follow-up sequence."}}},
      {"profile", "Business Profile lead leak",
       "Google Business Profile calls, messages and clicks are leads too; they leak when nobody owns them.",
       {{"profile-calls-number", "Profile calls", "The profile's call button rings a line that is answered or forwards to on call."},
        {"profile-calls-hours", "Profile calls", "The profile's hours match the hours the phones are answered."},
        {"profile-calls-count", "Profile calls", "Profile call counts (Performance) match the calls imported this week."},
        {"profile-messages-on", "Profile messages", "Messaging is on only if someone answers within the SLA; otherwise off."},
        {"profile-messages-owner", "Profile messages", "Message notifications reach a person on the roster, with a backup."},
        {"profile-clicks-landing", "Profile clicks", "Website clicks land on a page with a working form and phone number."},
        {"profile-clicks-tracking", "Profile clicks", "Clicks and direction requests are compared with booked jobs each month."}}},
  };
  return lists;
}

std::map<std::string, Mark> MarksByItem(Store& store, const std::string& list) {
  StatusOr<std::vector<Mark>> marks = store.MarksOf(list);
  if (!marks.ok()) throw HttpError{500, marks.status().message()};
  std::map<std::string, Mark> out;
  for (Mark& m : *marks) out[m.item] = std::move(m);
  return out;
}

Json ChecklistsModel(Context& ctx) {
  Json lists = Json::array();
  for (const Checklist& c : Checklists()) {
    const std::map<std::string, Mark> marks = MarksByItem(ctx.store(), c.id);
    Json items = Json::array();
    int done = 0;
    for (const ChecklistItem& item : c.items) {
      auto it = marks.find(item.id);
      const bool ticked = it != marks.end() && it->second.done;
      done += ticked;
      items.push_back({{"id", item.id}, {"list_id", c.id}, {"group", item.group}, {"text", item.text}, {"done", ticked},
                       {"by", ticked ? it->second.actor : std::string()},
                       {"at", ticked ? Local(it->second.at, ctx.config()) : std::string()}});
    }
    lists.push_back({{"id", c.id}, {"title", c.title}, {"why", c.why}, {"items", items}, {"done", done},
                     {"total", static_cast<int>(c.items.size())}});
  }
  return {{"lists", lists}};
}

void ChecklistsPage(Context& ctx) {
  Json model = ChecklistsModel(ctx);
  if (ctx.api) SendJson(ctx, model);
  else SendPage(ctx, "checklists", "Checklists", std::move(model));
}

bool DoneParam(Context& ctx) { return ctx.BoolParam("done"); }

void Tick(Context& ctx) {
  const std::string list = ctx.req.matches[1], item = ctx.req.matches[2];
  bool known = false;
  for (const Checklist& c : Checklists())
    for (const ChecklistItem& i : c.items) known |= list == c.id && item == i.id;
  if (!known) throw HttpError{404, "No checklist item " + list + "/" + item + "."};
  const bool done = DoneParam(ctx);
  if (Status s = ctx.store().PutMark({list, item, done, ctx.Actor(), ctx.app.Now()}); !s.ok())
    throw HttpError{500, s.message()};
  Done(ctx, "/checklists#" + item, done ? "Ticked." : "Unticked.", {{"list", list}, {"item", item}, {"done", done}});
}

// The plan of the latest week, with what its figures say and which days are done.
Json PlanModel(Context& ctx) {
  Timestamp last{};
  int drafts = 0;
  (void)ctx.store().ForEachOpportunity([&](const Opportunity& o) {
    last = std::max(last, o.received_at);
    drafts += !o.draft.empty();
    return Status::Ok();
  });
  const IsoWeek week = IsoWeekOf(last == Timestamp{} ? ctx.app.Now() : last, ctx.config().time_zone);
  StatusOr<ReviewRun> run = ComputeReview(ctx.store(), ctx.config(), week, ctx.app.Now(), false);
  if (!run.ok()) throw HttpError{500, run.status().message()};
  StatusOr<StoreCounts> counts = ctx.store().Counts();
  if (!counts.ok()) throw HttpError{500, counts.status().message()};
  const std::string list = "plan-" + week.Label();
  const std::map<std::string, Mark> marks = MarksByItem(ctx.store(), list);
  Json days = Json::array();
  int day = 1, done = 0;
  for (const PlanDay& d : SevenDayPlan(run->week, counts->signals, counts->rejects, drafts)) {
    const std::string id = std::to_string(day);
    auto it = marks.find(id);
    const bool ticked = it != marks.end() && it->second.done;
    done += ticked;
    days.push_back({{"day", day++}, {"what", d.what}, {"says", d.says}, {"section", d.section}, {"anchor", d.anchor},
                    {"done", ticked},
                    {"by", ticked ? it->second.actor : std::string()}});
  }
  // The links to the report's sections, for those who may open the report.
  return {{"week", week.Label()}, {"days", days},         {"done", done},
          {"total", 7},           {"percent", done * 100 / 7},
          {"can_see_review", Allows(ctx.user.role, Permission::kSeeReview)}};
}

void PlanPage(Context& ctx) {
  Json model = PlanModel(ctx);
  if (ctx.api) SendJson(ctx, model);
  else SendPage(ctx, "plan", "Seven-day plan", std::move(model));
}

void PlanTick(Context& ctx) {
  const std::string week = ctx.req.matches[1], day = ctx.req.matches[2];
  const bool done = DoneParam(ctx);
  if (Status s = ctx.store().PutMark({"plan-" + week, day, done, ctx.Actor(), ctx.app.Now()}); !s.ok())
    throw HttpError{500, s.message()};
  Done(ctx, "/plan", done ? "Day " + day + " done." : "Day " + day + " reopened.",
       {{"week", week}, {"day", std::stoi(day)}, {"done", done}});
}

std::string Money(std::int64_t cents) {
  std::string digits = std::to_string(cents / 100), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return "$" + out;
}

// Both calculators read GET parameters: the page is a plain form, and the API the same query.
Json CalculatorsModel(Context& ctx) {
  const LeakAssumptions base = LeakAssumptionsFor(ctx.config());
  auto param = [&](const char* name, const std::string& fallback) {
    const std::string v = ctx.req.get_param_value(name);
    return v.empty() ? fallback : v;
  };
  const std::string missed_text = param("missed", "10");
  const std::string rate_text = param("booking_rate", std::to_string(static_cast<int>(base.booking_rate * 100)) + "%");
  const std::string value_text = param("job_value", std::to_string(JobValueCents(base, Category::kUnknown) / 100));
  const std::string delay_text = param("delay", "2h");
  const std::optional<int> missed = ParseCount(missed_text);
  const std::optional<double> rate = ParseRate(rate_text);
  const std::optional<std::int64_t> value = ParseDollars(value_text);
  const std::optional<Seconds> delay = ParseDelay(delay_text);
  Json errors = Json::array();
  if (!missed) errors.push_back("Missed calls: a whole number, such as 12.");
  if (!rate) errors.push_back("Booking rate: a share such as 35% or 0.35.");
  if (!value) errors.push_back("Average job value: dollars, such as 1200.");
  if (!delay) errors.push_back("Delay: a duration such as 30m, 2h or 1d.");
  Json model = {{"inputs", {{"missed", missed_text}, {"booking_rate", rate_text}, {"job_value", value_text},
                            {"delay", delay_text}}},
                {"errors", errors}};
  if (!errors.empty()) return model;
  const double bookings = *missed * *rate;
  const std::int64_t leak_cents = static_cast<std::int64_t>(bookings * static_cast<double>(*value));
  model["leak"] = {{"bookings_lost", bookings}, {"lost_cents", leak_cents}, {"lost", Money(leak_cents)},
                   {"per_year", Money(leak_cents * 52)}};
  const DelayLeak d = LeakFromDelay(*missed, *delay, *rate, *value);
  char chance[16];
  std::snprintf(chance, sizeof chance, "%.0f%%", d.relative_chance * 100);
  model["response_time"] = {{"relative_chance", d.relative_chance}, {"chance", chance},
                            {"bookings_lost", d.bookings_lost}, {"lost_cents", d.lost_cents},
                            {"lost", Money(d.lost_cents)}};
  return model;
}

void CalculatorsPage(Context& ctx) {
  Json model = CalculatorsModel(ctx);
  if (ctx.api) SendJson(ctx, model, model["errors"].empty() ? 200 : 400);
  else SendPage(ctx, "calculators", "Calculators", std::move(model));
}

}  // namespace

void AddToolRoutes(std::vector<Route>& routes) {
  const auto tools = Permission::kUseTools;
  routes.push_back({"GET", "/calculators", "/calculators", false, tools, CalculatorsPage});
  routes.push_back({"GET", "/api/calculators", "/api/calculators", false, tools, CalculatorsPage});
  routes.push_back({"GET", "/checklists", "/checklists", false, tools, ChecklistsPage});
  routes.push_back({"GET", "/api/checklists", "/api/checklists", false, tools, ChecklistsPage});
  routes.push_back({"POST", "/checklists/([a-z]+)/([a-z-]+)", "/checklists/cleanup/calls-log", false, tools, Tick});
  routes.push_back({"POST", "/api/checklists/([a-z]+)/([a-z-]+)", "/api/checklists/cleanup/calls-log", false, tools, Tick});
  routes.push_back({"GET", "/plan", "/plan", false, tools, PlanPage});
  routes.push_back({"GET", "/api/plan", "/api/plan", false, tools, PlanPage});
  routes.push_back({"POST", "/plan/([0-9]{4}-W[0-9]{2})/([1-7])", "/plan/2026-W47/1", false, tools, PlanTick});
  routes.push_back({"POST", "/api/plan/([0-9]{4}-W[0-9]{2})/([1-7])", "/api/plan/2026-W47/1", false, tools, PlanTick});
}

}  // namespace ringback::web
