// Quiet hours: when a call or text may go out, judged in the called person's local time
// (47 CFR 64.1200(c)(1): not before 8 a.m. nor after 9 p.m. there; some states are
// stricter). Pure: the person's zone comes from identity/phone_timezone.h.
#pragma once

#include <string>
#include <string_view>

#include "core/company_config.h"
#include "core/time.h"
#include "identity/phone_timezone.h"

namespace ringback {

// The local window [start, end) in minutes after midnight, and where it came from.
struct CallingWindow {
  int start_minute = 8 * 60;
  int end_minute = 21 * 60;
  std::string source;  // "quiet hours 08:00-21:00", "FL quiet hours 08:00-20:00"
};

// config.quiet_start_minute..quiet_end_minute, narrowed by config.state_quiet_hours[state]
// (state matched case-insensitively; the later start and the earlier end win). A company
// window that is empty or inverted is replaced by 08:00-21:00; when the company's and the
// state's windows do not overlap at all, the state's (the law's) applies.
CallingWindow CallingWindowFor(const CompanyConfig& config, std::string_view state);

// True when `t` is inside the calling window in the person's zone, and, for an ambiguous
// zone, in every zone the number may be in.
bool IsCallingTime(const CompanyConfig& config, Timestamp t, const PhoneZone& zone);

// The first instant at or after `proposed` when a call or text to the person may go out:
// `proposed` itself when it is calling time, else the next opening of the window (the end
// is exclusive: 21:00 sharp is too late). Windows are computed per local date with the tz
// database, so DST nights move the opening by the real offset. An ambiguous zone needs the
// instant to be inside the window in all its zones. A zone name that is unknown falls back to
// config.time_zone, then UTC.
//
// `emergency_reply`: answering the person's own emergency request (they called for service)
// is not telemarketing and is exempt, so `proposed` is returned unchanged.
Timestamp SendAfter(const CompanyConfig& config, Timestamp proposed, const PhoneZone& zone,
                    bool emergency_reply);

}  // namespace ringback
