// How one opportunity is shown: as a card on the board, and in full on its own page (with the
// timeline of every signal, attempt, outcome and event). The same JSON feeds the page template
// and the API.
#pragma once

#include "core/company_config.h"
#include "core/opportunity.h"
#include "store/store.h"
#include "web/app.h"

namespace ringback::web {

// {id, contact, category, channel, channels[], status, overdue, owner, deadline, next_action,
//  summary, escalations}
Json CardJson(const Opportunity& o, const CompanyConfig& config, Timestamp now);

// The card plus backup_owner, received, reasons[], draft{text, send_after} and draft_channel
// ("sms", "email", "call"; both never for a stopped contact), stop{words, at, channel},
// timeline[{at, kind, who, detail}].
StatusOr<Json> DetailJson(Store& store, const Opportunity& o, const CompanyConfig& config, Timestamp now);

}  // namespace ringback::web
