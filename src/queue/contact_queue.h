// The queue stage: from everything known about one contact (its ContactHistory) to that
// contact's rows of the callback queue: category and reasons, owner, backup, next action,
// deadline, escalations, status and draft. Pure: no store, no files, no clock; the pipeline
// streams contacts from the store through it and writes what it returns.
//
//   for each contact, in key order:
//     classified = ClassifyContact(history, ctx);            // independent per contact
//     queue      = BuildContactQueue(history, classified, ctx, load);  // in order: `load`
//     store queue.rows, queue.events, queue.new_stops, queue.inferred_outcomes
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "classify/classifier.h"
#include "core/company_config.h"
#include "core/contact_history.h"
#include "core/opportunity.h"
#include "core/status.h"
#include "identity/phone_timezone.h"
#include "identity/resolve.h"
#include "message/draft_request.h"

namespace ringback {

struct QueueContext {
  const CompanyConfig* config = nullptr;
  const Classifier* classifier = nullptr;
  Timestamp now{};        // what is overdue, attempted or reached is judged at this instant
  bool sanitize = false;  // names to initials, phones masked, no names in drafts or reasons
};

// Open work per owner so far, carried from contact to contact: the assigner gives new work to
// whoever holds least of it, so contacts must go through BuildContactQueue in a fixed order.
using OpenWork = std::map<std::string, int>;

// A row's draft, ready to be written: what it is written from, taken when the row was final.
struct PendingDraft {
  std::size_t row = 0;  // index in ContactQueue::rows
  DraftRequest request;
};

struct ContactQueue {
  std::vector<Opportunity> rows;           // each opportunity, then the duplicates that joined it
  std::vector<TimelineEvent> events;       // escalations: derived, rebuilt every time
  std::vector<Suppression> new_stops;      // stops said in the contact's signals, not yet stored
  std::vector<Outcome> inferred_outcomes;  // outbound calls read as reached / not reached
  std::vector<PendingDraft> drafts;        // AssignContactQueue only: drafts still to write
};

// What can be worked out for a contact on its own, before owners are chosen.
struct PreparedContact {
  std::vector<ClassifiedSignal> signals;  // every inbound signal (not answered calls), oldest first
  std::string display;                    // the contact as the queue shows it
  std::optional<PhoneZone> zone;          // its phone's zone, when it has a phone
};

// Classifies every inbound signal of the contact and works out how it is shown and where its
// phone is. Depends on nothing but its arguments, so contacts may be prepared on several threads.
PreparedContact ClassifyContact(const ContactHistory& history, const QueueContext& ctx);

// The contact's queue rows from its prepared signals (ClassifyContact's result). Reads and
// updates `load`. Fails only when the company config cannot assign the work (no one on the
// team can take it).
StatusOr<ContactQueue> BuildContactQueue(const ContactHistory& history, PreparedContact prepared,
                                         const QueueContext& ctx, OpenWork& load);

// BuildContactQueue in two steps, so the drafts (a third of the work, and independent per
// contact) can be written on another thread: AssignContactQueue leaves them in `drafts`, and
// WriteQueueDrafts writes them into the rows. The rows are then the same as BuildContactQueue's.
StatusOr<ContactQueue> AssignContactQueue(const ContactHistory& history, PreparedContact prepared,
                                          const QueueContext& ctx, OpenWork& load);
void WriteQueueDrafts(ContactQueue& queue);

}  // namespace ringback
