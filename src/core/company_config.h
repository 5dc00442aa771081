// CompanyConfig: everything Ringback knows about one company, as loaded from its TOML file
// (see config/company.example.toml). A plain value: the core reads it, never loads it.
#pragma once

#include <array>
#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/category.h"
#include "core/time.h"

namespace ringback {

// Roles a team member can have.
enum class Role { kOwner, kDispatcher, kEstimator, kTechnician, kOffice };
std::string_view RoleName(Role r);

// Opening hours of one weekday in local minutes after midnight; closed when open == close.
struct DayHours {
  int open_minute = 0;
  int close_minute = 0;
  bool closed() const { return open_minute >= close_minute; }
};

struct Person {
  std::string name;
  Role role = Role::kOffice;
  std::vector<std::string> trades;  // empty: covers every trade
  bool service_lead = false;        // takes warranty work for their trades
  std::string phone;
  std::string email;
  // Personal working hours; when not set (all closed) the company's hours apply.
  std::array<DayHours, 7> hours{};
  bool has_own_hours = false;
  std::vector<std::chrono::sys_days> days_off;  // local dates off (vacation)
};

// On-call: a weekly rotation and/or explicit date ranges (ranges win).
struct OnCallRange {
  std::string name;
  Timestamp from{};
  Timestamp to{};  // exclusive
};
struct OnCall {
  std::vector<std::string> rotation;  // one name per week, in order
  Timestamp rotation_start{};         // instant the first name's week begins (local handover)
  std::vector<OnCallRange> ranges;
};

// A service-level target: a clock duration ("15m", 24/7) or business time ("2h business").
struct Sla {
  Seconds amount{0};
  bool business_time = false;
};

struct CompanyConfig {
  std::string name;
  std::string time_zone = "America/Chicago";  // IANA name
  std::string phone_region = "US";            // ISO 3166 region for local numbers
  std::string phone;  // the main line as people read it ("(512) 555-0100"), for drafts; may be empty
  std::vector<std::string> trades;
  std::array<DayHours, 7> hours{};  // index 0 = Sunday
  std::vector<std::chrono::sys_days> holidays;  // local dates the office is closed
  std::vector<Person> team;
  OnCall on_call;
  std::map<Category, Sla> sla;
  std::map<Category, std::string> next_action;
  int old_estimate_days = 30;
  int duplicate_window_days = 7;
  // [retention] keep_text_days: message bodies older than this are purged from the store on
  // each run (0: kept until the person is forgotten).
  int keep_text_days = 0;
  int quiet_start_minute = 8 * 60;  // no calls or texts before, in the person's local time
  int quiet_end_minute = 21 * 60;   // ... nor after
  std::vector<std::string> spam_numbers;  // E.164 after loading
  // [profile] numbers: the Google Business Profile's tracking numbers (E.164 after loading).
  // A call to one of them has the lead source "Google Business Profile".
  std::vector<std::string> profile_numbers;
  // Company terms added to the built-in lexicons: category name -> phrases.
  std::map<std::string, std::vector<std::string>> extra_terms;
  // Company callback templates overriding the built-in ones: "sms.emergency", "email.routine",
  // "call.old_estimate" (English) or "es.sms.emergency" (another locale) -> Mustache text. From
  // [templates.sms], [templates.email], [templates.call] and [templates.es.sms], ...
  std::map<std::string, std::string> templates;
  // [drafts]: the channels drafts may be written for ("sms", "email", "call"; empty: all) and
  // the languages the office writes ("en", "es"; the first is the default; empty: en, es).
  std::vector<std::string> draft_channels;
  std::vector<std::string> draft_locales;
  // Stricter quiet hours per US state ("FL" -> 08:00-20:00), in minutes after midnight.
  std::map<std::string, std::pair<int, int>> state_quiet_hours;
  // [review]: what a booked job is worth, for the leak estimate. Unset: built-in defaults.
  std::optional<double> booking_rate;                    // share of reached buyers who book
  std::optional<std::int64_t> job_value_cents;           // average job value, every category
  std::map<Category, std::int64_t> job_value_by_category_cents;
  // The office's shared mailboxes (lower case). A reply to a buyer sent from any other address
  // is "answered from a personal inbox" in the review. Empty: that rule is not checked.
  std::vector<std::string> shared_inboxes;
  // [recovery] reopen_rates: the chance a follow-up reopens a quote of up to `first` days, in
  // ascending age. Empty: the built-in bands (RecoveryOptions::DefaultBands).
  std::vector<std::pair<int, double>> reopen_rates;
};

}  // namespace ringback
