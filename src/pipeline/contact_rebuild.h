// The queue of one contact rebuilt on its own, for live intake: a webhook's signal reaches the
// board in milliseconds instead of waiting for a rebuild of every contact (RebuildQueue).
//
// A one-contact rebuild and the full rebuild run the same pure stage (src/queue) over the same
// history, so they agree on everything but the owner: the assigner gives new work to whoever
// holds least open work. Here that load is the stored queue's open work of every other contact;
// the full rebuild counts it contact by contact in key order. A later full rebuild (an import,
// a person's action, a settings save) can therefore give a live opportunity to another person
// of the same role, as it can any opportunity (see docs/web.md, "Live intake").
#pragma once

#include <string>
#include <vector>

#include "queue/contact_queue.h"
#include "store/store.h"

namespace ringback {

// Rebuilds the queue rows of `contact_key` as of ctx.now: deletes its derived rows and those of
// `stale_keys` (the keys its handles had before a link merged or re-keyed them), reads its
// history and what people recorded about it, runs the queue stage with the stored queue's open
// work per owner, and writes the rows, escalations, inferred outcomes and any stop its signals
// said. Runs inside the caller's transaction; returns what it wrote.
StatusOr<ContactQueue> RebuildContact(Store& store, const QueueContext& ctx, const std::string& contact_key,
                                      const std::vector<std::string>& stale_keys = {});

// Writes one contact's queue as the queue stage returned it: new stops first, then escalation
// events, inferred outcomes and rows.
Status WriteContactQueue(Store& store, const ContactQueue& queue);

}  // namespace ringback
