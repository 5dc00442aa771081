// A progress bar for long imports, on standard error and only when it is a terminal: a
// redirected or piped run (CI, cron, `2> log`) gets no bar at all. Redraws are throttled.
#pragma once

#include <chrono>
#include <cstdint>
#include <iosfwd>
#include <string>

#include "ingest/importer.h"

namespace ringback {

// Whether standard error is a terminal.
bool StderrIsTerminal();

class ProgressBar {
 public:
  // Draws on `out` when `enabled` (by default: when stderr is a terminal).
  explicit ProgressBar(std::ostream& out, bool enabled = StderrIsTerminal());
  ~ProgressBar();
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  // Starts a file; the bar appears only once a file has taken a moment.
  void Begin(const std::string& label);
  void Update(std::int64_t done, std::int64_t total);
  // Clears the bar's line.
  void End();

  // A callback for ImportOptions::progress that updates this bar.
  ProgressFn Callback();

  bool enabled() const { return enabled_; }

 private:
  std::ostream& out_;
  bool enabled_;
  bool drawn_ = false;
  std::string label_;
  std::chrono::steady_clock::time_point started_{}, last_{};
};

}  // namespace ringback
