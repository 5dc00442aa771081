// One opportunity: its page and API, and what a person does to it (outcome, reassign,
// reclassify, lift a stop). Every action is stored as a fact, then the queue is rebuilt.
#include "core/opportunity.h"
#include "pipeline/actions.h"
#include "web/app.h"
#include "web/opportunity_view.h"

namespace ringback::web {
namespace {

constexpr const char* kId = "(R-[0-9a-f]{1,40})";

// The opportunity of the path, if this user may see it: 404 when there is none, 403 when it is
// someone else's and the user is a technician.
Opportunity Load(Context& ctx) {
  StatusOr<Opportunity> o = ctx.store().GetOpportunity(ctx.req.matches[1]);
  if (!o.ok()) {
    if (o.status().code() == Status::Code::kNotFound) throw HttpError{404, "No opportunity " + std::string(ctx.req.matches[1]) + "."};
    throw HttpError{500, o.status().message()};
  }
  if (!CanSee(ctx.user, *o)) throw HttpError{403, "This opportunity is assigned to someone else."};
  return *o;
}

void Fail(const Status& s) {
  if (s.code() == Status::Code::kInvalidArgument) throw HttpError{400, s.message()};
  if (s.code() == Status::Code::kNotFound) throw HttpError{404, s.message()};
  throw HttpError{500, s.message()};
}

void Rebuild(Context& ctx) {
  if (Status s = ctx.Rebuild(); !s.ok()) throw HttpError{500, "the change is saved, but the queue did not rebuild: " + s.message()};
}

Json Choices(const std::vector<std::string>& names, const std::string& selected) {
  Json out = Json::array();
  for (const std::string& n : names) out.push_back({{"name", n}, {"selected", n == selected}});
  return out;
}

void Page(Context& ctx) {
  const Opportunity o = Load(ctx);
  StatusOr<Json> detail = DetailJson(ctx.store(), o, ctx.config(), ctx.app.Now());
  if (!detail.ok()) throw HttpError{500, detail.status().message()};
  Json j = std::move(detail).value();
  const AccessRole role = ctx.user.role;
  j["can_reassign"] = Allows(role, Permission::kReassign) && !o.owner.empty();
  j["can_reclassify"] = Allows(role, Permission::kReclassify);
  j["can_lift_stop"] = Allows(role, Permission::kLiftStop) && j.contains("stop");
  j["can_record"] = !j.contains("stop");
  if (ctx.api) {
    SendJson(ctx, j);
    return;
  }
  std::vector<std::string> people, categories, outcomes;
  for (const Person& p : ctx.config().team) people.push_back(p.name);
  for (Category c : {Category::kEmergency, Category::kActiveEstimate, Category::kOldEstimate, Category::kWarranty,
                     Category::kRoutine, Category::kUnknown, Category::kDuplicate, Category::kSpam, Category::kStop})
    categories.emplace_back(CategoryName(c));
  j["people"] = Choices(people, o.owner);
  j["category_choices"] = Choices(categories, std::string(CategoryName(o.category)));
  Json buttons = Json::array();
  for (OutcomeKind k : {OutcomeKind::kReached, OutcomeKind::kNotReached, OutcomeKind::kBooked, OutcomeKind::kNotAFit,
                        OutcomeKind::kDuplicate, OutcomeKind::kStopped, OutcomeKind::kDoNotContact}) {
    std::string label(OutcomeName(k));
    for (char& c : label)
      if (c == '_') c = ' ';
    buttons.push_back({{"value", std::string(OutcomeName(k))}, {"label", label},
                       {"warn", k == OutcomeKind::kStopped || k == OutcomeKind::kDoNotContact}});
  }
  j["outcome_buttons"] = buttons;
  SendPage(ctx, "opportunity", o.id + " · " + o.contact_display, std::move(j));
}

std::string Back(const Opportunity& o) { return "/o/" + o.id; }

void RecordOutcomeAction(Context& ctx) {
  const Opportunity o = Load(ctx);
  const std::optional<OutcomeKind> kind = ParseOutcome(ctx.Param("outcome"));
  if (!kind) throw HttpError{400, "outcome: use one of reached, not_reached, booked, not_a_fit, stopped, duplicate, do_not_contact"};
  const std::string note = ctx.Param("note");
  if (note.size() > 2000) throw HttpError{400, "note: 2000 characters at most"};
  const std::string actor = ctx.Actor();
  if (Status s = RecordOutcome(ctx.store(), {o.id, ctx.app.Now(), *kind, actor, note, false}); !s.ok()) Fail(s);
  Rebuild(ctx);
  Done(ctx, Back(o), "Recorded: " + std::string(OutcomeName(*kind)) + ".", {{"outcome", std::string(OutcomeName(*kind))}});
}

void ReassignAction(Context& ctx) {
  const Opportunity o = Load(ctx);
  const std::string to = ctx.Param("owner");
  if (Status s = Reassign(ctx.store(), ctx.config(), o.id, to, ctx.Actor(), ctx.Param("reason"), ctx.app.Now());
      !s.ok())
    Fail(s);
  Rebuild(ctx);
  Done(ctx, Back(o), "Reassigned to " + to + ".", {{"owner", to}});
}

void ReclassifyAction(Context& ctx) {
  const Opportunity o = Load(ctx);
  const std::optional<Category> category = ParseCategory(ctx.Param("category"));
  if (!category) throw HttpError{400, "category: not a category name"};
  if (Status s = Reclassify(ctx.store(), o.id, *category, ctx.Actor(), ctx.Param("reason"), ctx.app.Now()); !s.ok())
    Fail(s);
  Rebuild(ctx);
  Done(ctx, Back(o), "Reclassified as " + std::string(CategoryName(*category)) + ".",
       {{"category", std::string(CategoryName(*category))}});
}

void LiftStopAction(Context& ctx) {
  const Opportunity o = Load(ctx);
  if (Status s = LiftStop(ctx.store(), o.id, ctx.Actor(), ctx.Param("reason"), ctx.app.Now()); !s.ok()) Fail(s);
  Rebuild(ctx);
  Done(ctx, Back(o), "Stop lifted.");
}

void Add(std::vector<Route>& routes, const std::string& action, Permission need, Handler h) {
  routes.push_back({"POST", std::string("/o/") + kId + "/" + action, "/o/R-0000000000/" + action, false, need, h});
  routes.push_back({"POST", std::string("/api/opportunities/") + kId + "/" + action,
                    "/api/opportunities/R-0000000000/" + action, false, need, h});
}

}  // namespace

void AddOpportunityRoutes(std::vector<Route>& routes) {
  routes.push_back({"GET", std::string("/o/") + kId, "/o/R-0000000000", false, Permission::kSeeOwnWork, Page});
  routes.push_back({"GET", std::string("/api/opportunities/") + kId, "/api/opportunities/R-0000000000", false,
                    Permission::kSeeOwnWork, Page});
  Add(routes, "outcome", Permission::kSeeOwnWork, RecordOutcomeAction);
  Add(routes, "reassign", Permission::kReassign, ReassignAction);
  Add(routes, "reclassify", Permission::kReclassify, ReclassifyAction);
  Add(routes, "lift-stop", Permission::kLiftStop, LiftStopAction);
}

}  // namespace ringback::web
