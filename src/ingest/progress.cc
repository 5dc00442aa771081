#include "ingest/progress.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <ostream>

namespace ringback {
namespace {

constexpr auto kFirstDraw = std::chrono::milliseconds(500);  // short imports show no bar
constexpr auto kRedraw = std::chrono::milliseconds(100);

std::string Size(std::int64_t bytes) {
  char buf[32];
  if (bytes >= 1'000'000'000) std::snprintf(buf, sizeof buf, "%.2f GB", static_cast<double>(bytes) / 1e9);
  else std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / 1e6);
  return buf;
}

}  // namespace

bool StderrIsTerminal() { return ::isatty(STDERR_FILENO) == 1; }

ProgressBar::ProgressBar(std::ostream& out, bool enabled) : out_(out), enabled_(enabled) {}

ProgressBar::~ProgressBar() { End(); }

void ProgressBar::Begin(const std::string& label) {
  End();
  label_ = label;
  started_ = std::chrono::steady_clock::now();
  last_ = {};
}

void ProgressBar::Update(std::int64_t done, std::int64_t total) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - started_ < kFirstDraw || now - last_ < kRedraw) return;
  last_ = now;
  constexpr int kWidth = 30;
  std::string line = "\r" + label_ + " ";
  if (total > 0) {
    const double f = std::min(1.0, static_cast<double>(done) / static_cast<double>(total));
    const int filled = static_cast<int>(f * kWidth);
    line += "[" + std::string(static_cast<std::size_t>(filled), '#') +
            std::string(static_cast<std::size_t>(kWidth - filled), ' ') + "] ";
    char pct[16];
    std::snprintf(pct, sizeof pct, "%3d%% ", static_cast<int>(f * 100));
    line += pct + Size(done) + " / " + Size(total);
  } else {
    line += Size(done);
  }
  out_ << line << "\x1b[K" << std::flush;
  drawn_ = true;
}

void ProgressBar::End() {
  if (drawn_) out_ << "\r\x1b[K" << std::flush;
  drawn_ = false;
}

ProgressFn ProgressBar::Callback() {
  return [this](std::int64_t done, std::int64_t total) { Update(done, total); };
}

}  // namespace ringback
