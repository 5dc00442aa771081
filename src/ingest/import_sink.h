// ImportSink: where importers deliver what they read, one record at a time, so a file of any
// size streams through without being held in memory.
#pragma once

#include "core/reject.h"
#include "core/signal.h"
#include "core/status.h"

namespace ringback {

class ImportSink {
 public:
  virtual ~ImportSink() = default;
  virtual Status OnSignal(const Signal& signal) = 0;
  virtual Status OnAttempt(const Attempt& attempt) = 0;
  virtual Status OnEstimate(const Estimate& estimate) = 0;
  virtual Status OnReject(const Reject& reject) = 0;
};

}  // namespace ringback
