#include "pipeline/store_sink.h"

#include "identity/phone.h"

namespace ringback {
namespace {

// A failing store is not a bad row: it stops the import, whatever the file.
Status Fatal(Status s) { return s.ok() ? s : Status::Internal("database: " + s.message()); }

}  // namespace

Status StoreSink::OnSignal(const Signal& signal) {
  std::vector<std::string> handles = HandlesOf(signal);
  if (handles.empty()) return Status::Ok();
  if (Status s = store_.LinkHandles(handles); !s.ok()) return Fatal(s);
  return Fatal(store_.PutSignal(signal, handles.front(), nullptr));
}

Status StoreSink::OnAttempt(const Attempt& attempt) {
  const std::string handle = !attempt.phone.empty() ? PhoneHandle(attempt.phone) : EmailHandle(attempt.email);
  return Fatal(store_.PutAttempt(attempt, handle, nullptr));
}

Status StoreSink::OnEstimate(const Estimate& estimate) {
  std::vector<std::string> handles;
  if (!estimate.phone.empty()) handles.push_back(PhoneHandle(estimate.phone));
  if (!estimate.email.empty()) handles.push_back(EmailHandle(estimate.email));
  if (Status s = store_.LinkHandles(handles); !s.ok()) return Fatal(s);
  return Fatal(store_.PutEstimate(estimate, nullptr));
}

Status StoreSink::OnReject(const Reject& reject) { return Fatal(store_.PutReject(reject)); }

}  // namespace ringback
