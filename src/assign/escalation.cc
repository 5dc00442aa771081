// Escalations: who holds an opportunity after deadlines pass without an attempt.
#include <array>

#include "assign/assigner.h"
#include "assign/local_time.h"

namespace ringback {
namespace {

std::string CompanyOwnerName(const CompanyConfig& config) {
  for (const Person& p : config.team)
    if (p.role == Role::kOwner && !p.name.empty()) return p.name;
  return "";
}

}  // namespace

std::vector<EscalationStep> Escalations(const CompanyConfig& config, Category category,
                                        const Assignment& assignment,
                                        std::optional<Timestamp> first_attempt, Timestamp now) {
  std::vector<EscalationStep> steps;
  if (assignment.owner.empty() || !assignment.deadline) return steps;
  const Sla sla = SlaFor(config, category);
  std::string holder = assignment.owner;
  Timestamp deadline = *assignment.deadline;
  const std::array<std::string, 2> chain{assignment.backup_owner, CompanyOwnerName(config)};
  for (const std::string& next : chain) {
    using assign_internal::NormalizeName;
    if (NormalizeName(next).empty() || NormalizeName(next) == NormalizeName(holder)) continue;
    if (first_attempt && *first_attempt <= deadline) break;  // handled in time
    if (now <= deadline) break;                               // not passed yet
    EscalationStep step{deadline, holder, next,
                        "no attempt by " + FormatUtc(deadline) + "; moves to " +
                            (&next == &chain[0] ? "the backup" : "the company owner"),
                        std::nullopt};
    auto fresh = AddSla(config, deadline, sla);
    if (fresh.ok()) step.new_deadline = *fresh;
    steps.push_back(std::move(step));
    if (!fresh.ok()) break;  // no next deadline to pass
    holder = next;
    deadline = *fresh;
  }
  return steps;
}

}  // namespace ringback
