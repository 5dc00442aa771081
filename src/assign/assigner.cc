// Assign: owner, backup, next action and deadline for one opportunity.
#include "assign/assigner.h"

#include <algorithm>
#include <functional>
#include <set>

#include "assign/local_time.h"

namespace ringback {
namespace {

using assign_internal::NormalizeName;

// A rule tier: everyone it matches is an equal candidate.
struct Tier {
  std::string label;  // why a match gets the work: "estimator for roofing"
  std::function<bool(const Person&)> matches;
};

struct Context {
  const CompanyConfig& config;
  const AssignRequest& request;
  const std::map<std::string, int>& open_work;
  const date::time_zone* zone;
  Timestamp deadline;
  std::vector<std::string>& reasons;
  std::set<std::string> noted_off;  // people already reported as off, to say it once
};

bool IsOff(const date::time_zone* zone, const Person& person, Timestamp t) {
  const auto date = assign_internal::LocalDateOf(zone, t);
  if (assign_internal::ContainsDate(person.days_off, date)) return true;
  if (!person.has_own_hours) return false;
  const DayHours& hours = person.hours[assign_internal::WeekdayIndex(date)];
  auto open = assign_internal::OpenInterval(zone, hours, date);
  // Work due at closing time can still be done by someone who works until closing.
  return !open || t < open->first || t > open->second;
}

int OpenWork(const std::map<std::string, int>& open_work, const std::string& name) {
  if (auto it = open_work.find(name); it != open_work.end()) return it->second;
  const std::string key = NormalizeName(name);
  for (const auto& [other, count] : open_work)
    if (NormalizeName(other) == key) return count;
  return 0;
}

bool TradeMatches(const Person& p, const std::string& trade) {
  if (NormalizeName(trade).empty() || p.trades.empty()) return true;
  return std::any_of(p.trades.begin(), p.trades.end(), [&](const std::string& t) {
    return NormalizeName(t) == NormalizeName(trade);
  });
}

const Person* FindPerson(const CompanyConfig& config, std::string_view name) {
  const std::string key = NormalizeName(name);
  for (const Person& p : config.team)
    if (!key.empty() && NormalizeName(p.name) == key) return &p;
  return nullptr;
}

bool IsOfficeRole(Role r) { return r == Role::kDispatcher || r == Role::kOffice; }

// Same role, where dispatcher and office count as one: both work the callback queue.
bool SameWork(Role a, Role b) { return a == b || (IsOfficeRole(a) && IsOfficeRole(b)); }

Tier RoleTier(std::string label, Role role) {
  return {std::move(label), [role](const Person& p) { return p.role == role; }};
}

std::string ForTrade(const AssignRequest& request) {
  return request.trade.empty() ? "" : " for " + request.trade;
}

// Picks from the first tier with someone available at the deadline: least open work, then
// roster order. When everyone matching is off, the first tier with any match, so a real
// opportunity is never left without an owner. `exclude` is a normalized name.
const Person* PickByTiers(Context& ctx, const std::vector<Tier>& tiers,
                          const std::string& exclude, std::string_view role_in_reason) {
  auto eligible = [&](const Person& p, const Tier& tier) {
    const std::string key = NormalizeName(p.name);
    return !key.empty() && key != exclude && tier.matches(p);
  };
  for (const Tier& tier : tiers) {
    std::vector<const Person*> available;
    for (const Person& p : ctx.config.team) {
      if (!eligible(p, tier)) continue;
      if (!IsOff(ctx.zone, p, ctx.deadline)) {
        available.push_back(&p);
      } else if (ctx.noted_off.insert(NormalizeName(p.name)).second) {
        ctx.reasons.push_back(p.name + " is off at the deadline, skipped");
      }
    }
    if (available.empty()) continue;
    // stable: min_element keeps the first (roster order) among equal counts.
    const Person* best = *std::min_element(
        available.begin(), available.end(), [&](const Person* a, const Person* b) {
          return OpenWork(ctx.open_work, a->name) < OpenWork(ctx.open_work, b->name);
        });
    std::string why = std::string(role_in_reason) + ": " + best->name + " (" + tier.label;
    if (available.size() > 1) {
      why += "; " + std::to_string(OpenWork(ctx.open_work, best->name)) +
             " open, fewest of " + std::to_string(available.size());
    }
    ctx.reasons.push_back(why + ")");
    return best;
  }
  for (const Tier& tier : tiers) {
    for (const Person& p : ctx.config.team) {
      if (!eligible(p, tier)) continue;
      ctx.reasons.push_back(std::string(role_in_reason) + ": " + p.name + " (" + tier.label +
                            "; everyone who could take it is off at the deadline)");
      return &p;
    }
  }
  return nullptr;
}

// Tiers after the category's own: the office, the company owner, then anyone.
void AddFallbackTiers(std::vector<Tier>& tiers) {
  tiers.push_back(RoleTier("dispatcher", Role::kDispatcher));
  tiers.push_back(RoleTier("office", Role::kOffice));
  tiers.push_back(RoleTier("company owner", Role::kOwner));
  tiers.push_back({"anyone on the team", [](const Person&) { return true; }});
}

std::vector<Tier> EstimateTiers(Context& ctx) {
  const AssignRequest& req = ctx.request;
  std::vector<Tier> tiers;
  auto estimator = [](const Person& p) { return p.role == Role::kEstimator; };
  if (!NormalizeName(req.estimate_author).empty()) {
    const Person* author = FindPerson(ctx.config, req.estimate_author);
    if (author && estimator(*author)) {
      tiers.push_back({"wrote the estimate", [author](const Person& p) { return &p == author; }});
    } else {
      ctx.reasons.push_back("estimate author \"" + req.estimate_author +
                            "\" is not an estimator on the team");
    }
  }
  if (!req.trade.empty()) {
    tiers.push_back({"estimator" + ForTrade(req), [estimator, trade = req.trade](const Person& p) {
                       return estimator(p) && TradeMatches(p, trade);
                     }});
  }
  tiers.push_back({"estimator", estimator});
  return tiers;
}

std::vector<Tier> WarrantyTiers(const AssignRequest& req) {
  const std::string trade = req.trade;
  return {
      {"service lead" + ForTrade(req),
       [trade](const Person& p) { return p.service_lead && TradeMatches(p, trade); }},
      {"technician" + ForTrade(req),
       [trade](const Person& p) { return p.role == Role::kTechnician && TradeMatches(p, trade); }},
  };
}

// The on-call person for an emergency: on call is what counts, time off does not.
const Person* OnCallOwner(Context& ctx) {
  const auto name = OnCallAt(ctx.config, ctx.request.received_at);
  if (!name) {
    ctx.reasons.push_back("nobody on call when the request came in");
    return nullptr;
  }
  const Person* person = FindPerson(ctx.config, *name);
  if (!person) {
    ctx.reasons.push_back("on call \"" + *name + "\" is not on the team list");
    return nullptr;
  }
  ctx.reasons.push_back("on call now: " + person->name);
  return person;
}

const Person* PickOwner(Context& ctx) {
  std::vector<Tier> tiers;
  switch (ctx.request.category) {
    case Category::kEmergency:
      if (const Person* on_call = OnCallOwner(ctx)) return on_call;
      break;
    case Category::kActiveEstimate:
    case Category::kOldEstimate:
      tiers = EstimateTiers(ctx);
      break;
    case Category::kWarranty:
      tiers = WarrantyTiers(ctx.request);
      break;
    default:
      tiers.push_back({"office", [](const Person& p) { return IsOfficeRole(p.role); }});
      break;
  }
  AddFallbackTiers(tiers);
  return PickByTiers(ctx, tiers, "", "owner");
}

const Person* PickBackup(Context& ctx, const Person& owner) {
  const std::string trade = ctx.request.trade;
  const Role role = owner.role;
  std::vector<Tier> tiers{
      {"same work, " + std::string(RoleName(role)) + ForTrade(ctx.request),
       [role, trade](const Person& p) {
         return SameWork(p.role, role) && TradeMatches(p, trade);
       }},
      RoleTier("dispatcher", Role::kDispatcher),
      RoleTier("company owner", Role::kOwner),
      {"anyone else on the team", [](const Person&) { return true; }},
  };
  return PickByTiers(ctx, tiers, NormalizeName(owner.name), "backup");
}

Assignment NoOpportunity(Category c) {
  Assignment a;
  switch (c) {
    case Category::kStop:
      a.reasons.push_back("stop: do not contact; no owner, action or deadline");
      break;
    case Category::kDuplicate:
      a.reasons.push_back("duplicate: handled with the opportunity it joins; no owner");
      break;
    default:
      a.reasons.push_back("spam: not an opportunity; no owner, action or deadline");
      break;
  }
  return a;
}

}  // namespace

bool IsOffAt(const CompanyConfig& config, const Person& person, Timestamp t) {
  auto zone = assign_internal::FindZone(config.time_zone);
  if (!zone.ok()) zone = assign_internal::FindZone("Etc/UTC");
  return zone.ok() && IsOff(*zone, person, t);
}

StatusOr<Assignment> Assign(const CompanyConfig& config, const AssignRequest& request,
                            const std::map<std::string, int>& open_work) {
  if (!IsReal(request.category)) return NoOpportunity(request.category);
  auto zone = assign_internal::FindZone(config.time_zone);
  if (!zone.ok()) return zone.status();
  const Sla sla = SlaFor(config, request.category);
  auto deadline = AddSla(config, request.received_at, sla);
  if (!deadline.ok()) return deadline.status();

  Assignment out;
  Context ctx{config, request, open_work, *zone, *deadline, out.reasons, {}};
  const Person* owner = PickOwner(ctx);
  if (!owner) {
    return Status::InvalidArgument("no one on the team of \"" + config.name + "\" to own " +
                                   std::string(CategoryName(request.category)) + " work");
  }
  out.owner = owner->name;
  if (const Person* backup = PickBackup(ctx, *owner)) out.backup_owner = backup->name;
  out.next_action = NextActionFor(config, request.category);
  out.deadline = *deadline;
  out.reasons.push_back("deadline: " + FormatSla(sla) + " after it came in, " +
                        FormatUtc(*deadline));
  return out;
}

}  // namespace ringback
