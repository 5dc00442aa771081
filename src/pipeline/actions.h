// What a person does to the queue, from the command line or the web app: record an outcome,
// reassign, reclassify, lift a stop. Each is stored as a fact (so the next queue rebuild keeps
// it) inside one transaction, with a timeline entry naming who and why. The caller rebuilds
// the queue afterwards (RebuildQueue) to see the effect.
#pragma once

#include <string>

#include "core/company_config.h"
#include "core/opportunity.h"
#include "core/status.h"
#include "store/store.h"

namespace ringback {

// Records `outcome`; a stopped / do_not_contact outcome also stops the contact on every
// channel. NotFound when the opportunity does not exist. `own_transaction` false: the caller
// has begun one (an import of many outcomes is one transaction).
Status RecordOutcome(Store& store, const Outcome& outcome, bool own_transaction = true);

// Gives the opportunity to `person` (a name on the team roster). InvalidArgument when the
// name is not on the roster, the reason is empty, or the row has no owner to replace (closed,
// spam, duplicate or stopped).
Status Reassign(Store& store, const CompanyConfig& config, const std::string& opportunity_id,
                const std::string& person, const std::string& actor, const std::string& reason, Timestamp at);

// Sets the category by hand (the reason is required). Reclassifying as "stop" records a stop
// on every channel, like a stop outcome.
Status Reclassify(Store& store, const std::string& opportunity_id, Category category, const std::string& actor,
                  const std::string& reason, Timestamp at);

// Lifts every stop in force for the opportunity's contact (the person asked again). The reason
// is required. NotFound when the contact has no stop in force.
Status LiftStop(Store& store, const std::string& opportunity_id, const std::string& actor, const std::string& reason,
                Timestamp at);

// Forgets the person whose phone or email `phone_or_email` is (Store::Forget: everything held
// about them removed, their handles kept only as keyed hashes with the stop in force, who and
// why recorded), then rebuilds the queue from `store`, an open connection to `db_path`, as of
// `at`. InvalidArgument when the text is no phone or email, or the actor or reason is empty;
// NotFound when no contact has it.
StatusOr<ForgetReport> ForgetContact(Store& store, const std::string& db_path, const CompanyConfig& config,
                                     const std::string& phone_or_email, const std::string& actor,
                                     const std::string& reason, Timestamp at);

}  // namespace ringback
