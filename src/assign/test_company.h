// Test-only helpers for the assign tests: a sample contractor in America/Chicago and instants
// written with their UTC offset, so expected deadlines are checked against hand-computed times
// rather than against the tz library the code itself uses.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "core/company_config.h"
#include "core/time.h"

namespace ringback::testing_company {

// "2026-03-09T09:00:00-05:00" -> instant; fails the test on a typo.
inline Timestamp At(const std::string& text) {
  auto t = ParseUtc(text);
  EXPECT_TRUE(t.has_value()) << "bad test time " << text;
  return t.value_or(Timestamp{});
}

inline std::chrono::sys_days Date(int y, unsigned m, unsigned d) {
  return std::chrono::sys_days{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}};
}

inline Person Member(std::string name, Role role, std::vector<std::string> trades = {},
                     bool service_lead = false) {
  Person p;
  p.name = std::move(name);
  p.role = role;
  p.trades = std::move(trades);
  p.service_lead = service_lead;
  return p;
}

// Open Monday-Friday 08:00-17:00 Central, closed weekends, Thanksgiving and Christmas 2026.
// On-call rotation Luis, Kim, Pat, handing over Mondays 08:00 local from 2026-03-02.
inline CompanyConfig Company() {
  CompanyConfig c;
  c.name = "Ridgeline Roofing & Air";
  c.time_zone = "America/Chicago";
  c.trades = {"roofing", "hvac", "plumbing"};
  for (int day = 1; day <= 5; ++day) c.hours[day] = DayHours{8 * 60, 17 * 60};
  c.holidays = {Date(2026, 11, 26), Date(2026, 12, 25)};
  c.team = {
      Member("Maria Owens", Role::kOwner),
      Member("Ana Ruiz", Role::kDispatcher),
      Member("Ben Clark", Role::kOffice),
      Member("Dana Cole", Role::kEstimator, {"roofing"}),
      Member("Sam Ortiz", Role::kEstimator, {"roofing"}),
      Member("Lee Park", Role::kEstimator, {"hvac"}),
      Member("Luis Mendez", Role::kTechnician, {"hvac"}, /*service_lead=*/true),
      Member("Kim Tran", Role::kTechnician, {"roofing"}),
      Member("Pat Young", Role::kTechnician, {}),
  };
  c.on_call.rotation = {"Luis Mendez", "Kim Tran", "Pat Young"};
  c.on_call.rotation_start = At("2026-03-02T08:00:00-06:00");
  return c;
}

}  // namespace ringback::testing_company
