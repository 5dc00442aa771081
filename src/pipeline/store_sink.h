// StoreSink: the ImportSink that writes what importers read into the Store, linking each
// record's phone and email as one contact.
#pragma once

#include <string>
#include <vector>

#include "identity/resolve.h"
#include "ingest/import_sink.h"
#include "store/store.h"

namespace ringback {

class StoreSink final : public ImportSink {
 public:
  explicit StoreSink(Store& store) : store_(store) {}
  Status OnSignal(const Signal& signal) override;
  Status OnAttempt(const Attempt& attempt) override;
  Status OnEstimate(const Estimate& estimate) override;
  Status OnReject(const Reject& reject) override;

 private:
  Store& store_;
};

}  // namespace ringback
