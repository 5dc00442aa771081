// The weekly review in the browser: the figures of report.html for any week, and the report
// itself (charts and tables) framed in the app.
#include "pipeline/audit.h"
#include "pipeline/recovery_job.h"
#include "pipeline/review_job.h"
#include "web/app.h"

namespace ringback::web {
namespace {

// The week asked for (?week=2026-W47), else the week of the latest signal.
IsoWeek WeekOf(Context& ctx) {
  const std::string text = ctx.req.get_param_value("week");
  if (!text.empty()) {
    StatusOr<IsoWeek> week = ParseIsoWeek(text, ctx.config().time_zone);
    if (!week.ok()) throw HttpError{400, "week: " + week.status().message()};
    return *week;
  }
  Timestamp last{};
  (void)ctx.store().ForEachOpportunity([&](const Opportunity& o) {
    last = std::max(last, o.received_at);
    return Status::Ok();
  });
  return IsoWeekOf(last == Timestamp{} ? ctx.app.Now() : last, ctx.config().time_zone);
}

Json Figures(const ReviewRun& run) {
  Json out = Json::array();
  for (const ReviewFigure& f : ReviewFigures(run.week, run.previous)) {
    auto show = [&](double v, bool measured) -> std::string {
      if (!measured) return "–";
      char buf[64];
      if (f.money) std::snprintf(buf, sizeof buf, "$%.0f", v);
      else if (f.percent) std::snprintf(buf, sizeof buf, "%.0f%%", v * 100);
      else if (f.seconds) return FormatDelay(Seconds(static_cast<std::int64_t>(v)));
      else std::snprintf(buf, sizeof buf, "%.0f", v);
      return buf;
    };
    // A week with no imported signals has no figures: "no data", not zeros.
    out.push_back({{"metric", f.metric},
                   {"this_week", run.week.has_data() ? show(f.this_week, f.this_measured) : "no data"},
                   {"last_week", run.previous.has_data() ? show(f.last_week, f.last_measured) : "no data"},
                   {"value", run.week.has_data() ? Json(f.this_week) : Json(nullptr)},
                   {"previous", run.previous.has_data() ? Json(f.last_week) : Json(nullptr)}});
  }
  return out;
}

// The heat map for the API: per day, its office hours, who is on call, and per hour the
// contacts in, those missed or answered late, whether the office was open and who worked.
Json HeatMapJson(const HeatMap& map) {
  Json days = Json::array();
  for (const HeatDay& day : map.days) {
    Json hours = Json::array();
    for (std::size_t h = 0; h < day.hours.size(); ++h) {
      const HeatCell& c = day.hours[h];
      hours.push_back({{"hour", h}, {"inbound", c.inbound}, {"lost", c.lost}, {"open", c.open}, {"staff", c.staff},
                       {"on_call", c.on_call}});
    }
    days.push_back({{"day", day.label}, {"office_hours", day.office_hours}, {"on_call", day.on_call}, {"hours", hours}});
  }
  Json worst = Json::array();
  for (const HeatSpot& s : map.worst) worst.push_back(s.text);
  return {{"inbound", map.inbound}, {"lost", map.lost}, {"worst", worst}, {"days", days}};
}

void Review(Context& ctx) {
  const IsoWeek week = WeekOf(ctx);
  StatusOr<ReviewRun> run = ComputeReview(ctx.store(), ctx.config(), week, ctx.app.Now(), false);
  if (!run.ok()) throw HttpError{500, run.status().message()};
  Json failures = Json::array();
  for (const auto& [point, n] : run->week.failures_by_point)
    failures.push_back({{"point", std::string(HandoffName(point))}, {"count", n}});
  Json model = {{"week", week.Label()},
                {"figures", Figures(*run)},
                {"failures", failures},
                {"leak_dollars", static_cast<double>(run->week.leak.total_cents) / 100.0},
                {"report_url", "/review/report?week=" + week.Label()}};
  if (ctx.api) {
    model["heat_map"] = HeatMapJson(run->heat_map);
    SendJson(ctx, model);
  } else {
    // Rendered by src/review from its own template, every value escaped there.
    model["heat_map_html"] = RenderHeatMap(run->heat_map, "heatmap");
    SendPage(ctx, "review", "Weekly review " + week.Label(), std::move(model));
  }
}

std::string ComputeReport(Context& ctx, const IsoWeek& week);

// The report takes tens of milliseconds to compute (recovery plan, two weeks of review): it
// is kept until the queue changes or the minute turns.
void Report(Context& ctx) {
  const IsoWeek week = WeekOf(ctx);
  const Timestamp minute = std::chrono::floor<std::chrono::minutes>(ctx.app.Now());
  Company& company = *ctx.company;
  // Read before computing: a change committed meanwhile makes what is computed stale.
  const std::uint64_t generation = company.generation;
  {
    std::lock_guard<std::mutex> guard(company.report_mu);
    auto it = company.report_cache.find(week.Label());
    if (it != company.report_cache.end() && std::get<0>(it->second) == generation && std::get<1>(it->second) == minute &&
        !std::get<2>(it->second).empty()) {
      ctx.res.status = 200;
      ctx.res.set_content(std::get<2>(it->second), "text/html; charset=utf-8");
      return;
    }
  }
  std::string html = ComputeReport(ctx, week);  // without the lock: others' reports go ahead
  {
    std::lock_guard<std::mutex> guard(company.report_mu);
    if (company.report_cache.size() > 16) company.report_cache.clear();  // any week may be asked for
    company.report_cache[week.Label()] = {generation, minute, html};
  }
  ctx.res.status = 200;
  ctx.res.set_content(std::move(html), "text/html; charset=utf-8");
}

std::string ComputeReport(Context& ctx, const IsoWeek& week) {
  AuditOptions options;
  options.week = week;
  AuditResult result;
  result.as_of = ctx.app.Now();
  StatusOr<StoreCounts> counts = ctx.store().Counts();
  if (!counts.ok()) throw HttpError{500, counts.status().message()};
  if (counts->estimates > 0) {
    StatusOr<RecoveryRun> recovery =
        PlanRecoveryFromStore(ctx.store(), ctx.config(), RecoveryOptionsFor(ctx.config(), {}), result.as_of, false,
                              ctx.settings->classifier);
    if (!recovery.ok()) throw HttpError{500, recovery.status().message()};
    result.recovery = std::move(recovery).value();
  }
  std::string html;
  if (Status s = WriteOutputs(ctx.store(), ctx.config(), options, result, &html); !s.ok())
    throw HttpError{500, s.message()};
  return html;
}

}  // namespace

void AddReviewRoutes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/review", "/review", false, Permission::kSeeReview, Review});
  routes.push_back({"GET", "/api/review", "/api/review", false, Permission::kSeeReview, Review});
  routes.push_back({"GET", "/review/report", "/review/report", false, Permission::kSeeReview, Report});
}

}  // namespace ringback::web
