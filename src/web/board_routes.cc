// The queue board: open work grouped by owner, most urgent first, with filters and "mine".
#include <algorithm>

#include "web/app.h"
#include "web/opportunity_view.h"

namespace ringback::web {
namespace {

// Which rows a status filter keeps. "waiting" (the default) is the work still to do.
bool StatusMatches(const std::string& filter, OpportunityStatus s) {
  if (filter.empty() || filter == "waiting")
    return s == OpportunityStatus::kOpen || s == OpportunityStatus::kOverdue || s == OpportunityStatus::kAttempted;
  if (filter == "all") return true;
  return StatusName(s) == filter;
}

Json Options(const std::vector<std::string>& names, const std::string& selected) {
  Json out = Json::array();
  for (const std::string& n : names) out.push_back({{"name", n}, {"selected", n == selected}});
  return out;
}

Json BoardModel(Context& ctx) {
  const bool all_work = Allows(ctx.user.role, Permission::kSeeAllWork);
  const bool mine = !all_work || ctx.req.get_param_value("mine") == "1";
  const std::string owner = mine ? ctx.user.person : ctx.req.get_param_value("owner");
  const std::string category = ctx.req.get_param_value("category");
  const std::string channel = ctx.req.get_param_value("channel");
  const std::string status = ctx.req.get_param_value("status");
  const Timestamp now = ctx.app.Now();

  std::vector<std::string> group_order;
  std::map<std::string, Json> groups;
  int total = 0, overdue = 0;
  Status s = ctx.store().ForEachOpportunity([&](const Opportunity& o) {
    if (!CanSee(ctx.user, o) || !StatusMatches(status, o.status)) return Status::Ok();
    if (!owner.empty() && o.owner != owner) return Status::Ok();
    if (!category.empty() && CategoryName(o.category) != category) return Status::Ok();
    if (!channel.empty() &&
        std::none_of(o.channels.begin(), o.channels.end(), [&](Channel c) { return ChannelName(c) == channel; }))
      return Status::Ok();
    const std::string group = o.owner.empty() ? "No owner" : o.owner;
    if (!groups.count(group)) {
      group_order.push_back(group);
      // has_overdue is set on every group: a missing key would fall back to the board's own.
      groups[group] = {{"owner", group}, {"items", Json::array()}, {"count", 0}, {"overdue", 0}, {"has_overdue", false}};
    }
    Json item = CardJson(o, ctx.config(), now);
    Json& g = groups[group];
    g["count"] = g["count"].get<int>() + 1;
    if (item["overdue"].get<bool>()) {
      g["overdue"] = g["overdue"].get<int>() + 1;
      g["has_overdue"] = true;
      ++overdue;
    }
    g["items"].push_back(std::move(item));
    ++total;
    return Status::Ok();
  });
  if (!s.ok()) throw HttpError{500, s.message()};

  Json out_groups = Json::array();
  for (const std::string& g : group_order) out_groups.push_back(std::move(groups[g]));
  std::vector<std::string> people;
  for (const Person& p : ctx.config().team) people.push_back(p.name);
  std::vector<std::string> categories, channels;
  for (Category c : {Category::kEmergency, Category::kActiveEstimate, Category::kOldEstimate, Category::kWarranty,
                     Category::kRoutine, Category::kUnknown, Category::kDuplicate, Category::kSpam, Category::kStop})
    categories.emplace_back(CategoryName(c));
  for (Channel c : {Channel::kCall, Channel::kVoicemail, Channel::kForm, Channel::kSms, Channel::kEmail,
                    Channel::kProfile})
    channels.emplace_back(ChannelName(c));
  const std::vector<std::string> statuses = {"waiting", "all", "open", "overdue", "attempted", "reached", "closed",
                                             "do_not_contact"};
  return {{"as_of", Local(now, ctx.config())},
          {"total", total},
          {"overdue", overdue},
          {"has_overdue", overdue > 0},
          {"groups", out_groups},
          {"empty", total == 0},
          {"mine", mine},
          {"can_filter_owner", all_work},
          {"person", ctx.user.person},
          {"filters", {{"owner", owner}, {"category", category}, {"channel", channel}, {"status", status.empty() ? "waiting" : status}}},
          {"owners", Options(people, owner)},
          {"categories", Options(categories, category)},
          {"channels", Options(channels, channel)},
          {"statuses", Options(statuses, status.empty() ? "waiting" : status)}};
}

void Board(Context& ctx) {
  Json model = BoardModel(ctx);
  if (ctx.api) SendJson(ctx, model);
  else SendPage(ctx, "board", "Callback board", std::move(model));
}

}  // namespace

void AddBoardRoutes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/", "/", false, Permission::kSeeOwnWork, Board});
  routes.push_back({"GET", "/api/queue", "/api/queue", false, Permission::kSeeOwnWork, Board});
}

}  // namespace ringback::web
