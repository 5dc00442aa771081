// RebuildQueue: streams every contact's history out of the store, through the pure queue stage
// (src/queue), and writes the rows back, in one transaction. RebuildContact does the same for
// one contact, inside the caller's transaction (live intake).
#include <algorithm>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "identity/resolve.h"
#include "pipeline/audit.h"
#include "pipeline/contact_rebuild.h"

namespace ringback {
namespace {

// Contacts classified together: enough to keep both cores busy, few enough that memory stays
// flat whatever the size of the import.
constexpr std::size_t kBatch = 256;

// Sorts what people said by time, as the queue stage reads it (stable: ties keep the store's order).
void SortPeopleSaid(ContactHistory& h) {
  auto by_time = [](const auto& a, const auto& b) { return a.at < b.at; };
  std::stable_sort(h.outcomes.begin(), h.outcomes.end(), by_time);
  std::stable_sort(h.overrides.begin(), h.overrides.end(), by_time);
}

// What people recorded, by opportunity id: small (one row per person's action), so it is read
// once rather than per contact.
struct PeopleSaid {
  std::map<std::string, std::vector<Outcome>> outcomes;
  std::map<std::string, std::vector<Override>> overrides;

  Status Load(Store& store) {
    if (Status s = store.ForEachOutcome([&](const Outcome& o) {
          if (!o.inferred) outcomes[o.opportunity_id].push_back(o);
          return Status::Ok();
        });
        !s.ok())
      return s;
    return store.ForEachOverride([&](const Override& o) {
      overrides[o.opportunity_id].push_back(o);
      return Status::Ok();
    });
  }

  // Attaches what was said about the opportunities this contact's signals may form.
  void AttachTo(ContactHistory& h) const {
    std::set<std::string> seen;
    for (const Signal& s : h.signals) {
      const std::string id = OpportunityId(s.id);
      if (!seen.insert(id).second) continue;
      if (auto it = outcomes.find(id); it != outcomes.end())
        h.outcomes.insert(h.outcomes.end(), it->second.begin(), it->second.end());
      if (auto it = overrides.find(id); it != overrides.end())
        h.overrides.insert(h.overrides.end(), it->second.begin(), it->second.end());
    }
    SortPeopleSaid(h);
  }
};

// Threads kept for the whole rebuild, not one per batch: each keeps its parsed templates
// (thread_local in src/message) from batch to batch.
class Crew {
 public:
  explicit Crew(std::size_t size) {
    for (std::size_t k = 0; k < size; ++k) threads_.emplace_back([this, k] { Loop(k); });
  }
  ~Crew() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_all();
    for (std::thread& t : threads_) t.join();
  }
  Crew(const Crew&) = delete;
  Crew& operator=(const Crew&) = delete;

  std::size_t size() const { return threads_.size(); }

  // Runs job(k) on thread k, for every k, once the previous job is done.
  void Start(std::function<void(std::size_t)> job) {
    Wait();
    {
      std::lock_guard<std::mutex> lock(mutex_);
      job_ = std::move(job);
      busy_ = threads_.size();
      ++round_;
    }
    wake_.notify_all();
  }

  void Wait() {
    std::unique_lock<std::mutex> lock(mutex_);
    done_.wait(lock, [&] { return busy_ == 0; });
  }

 private:
  void Loop(std::size_t k) {
    std::size_t seen = 0;
    for (;;) {
      std::function<void(std::size_t)> job;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        wake_.wait(lock, [&] { return stopping_ || round_ != seen; });
        if (stopping_) return;
        seen = round_;
        job = job_;
      }
      job(k);
      std::lock_guard<std::mutex> lock(mutex_);
      if (--busy_ == 0) done_.notify_all();
    }
  }

  std::mutex mutex_;
  std::condition_variable wake_, done_;
  std::function<void(std::size_t)> job_;
  std::size_t busy_ = 0, round_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

// Classification and drafting are independent per contact, so they run on the crew's threads,
// a batch apart from the rest. Each cycle this thread assigns owners to the batch just
// classified (assignment balances load across contacts, so in key order), hands its drafts and
// the next batch's classification to the crew, and writes the batch drafted before; then it
// reads the next batch. Rows are written in key order, the same rows as BuildContactQueue's.
class BatchWriter {
 public:
  // Two workers, though the machine may have two cores: this thread mostly waits for them.
  BatchWriter(Store& store, const QueueContext& ctx) : store_(store), ctx_(ctx), crew_(2) {}
  ~BatchWriter() { crew_.Wait(); }  // on an error the batch in flight is dropped, never left running
  BatchWriter(const BatchWriter&) = delete;
  BatchWriter& operator=(const BatchWriter&) = delete;

  Status Add(ContactHistory& history) {
    batch_.push_back(std::move(history));
    return batch_.size() >= kBatch ? Cycle() : Status::Ok();
  }

  // Writes everything added so far: the last batch goes through each stage in turn.
  Status Flush() {
    for (int stage = 0; stage < 3; ++stage)
      if (Status s = Cycle(); !s.ok()) return s;
    return Status::Ok();
  }

 private:
  Status Cycle() {
    crew_.Wait();
    std::vector<ContactQueue> drafted = std::move(assigned_);
    assigned_.clear();
    for (std::size_t i = 0; i < classified_.size(); ++i) {
      StatusOr<ContactQueue> queue = AssignContactQueue(histories_[i], std::move(classified_[i]), ctx_, load_);
      if (!queue.ok()) return queue.status();
      assigned_.push_back(std::move(queue).value());
    }
    histories_ = std::move(batch_);
    batch_.clear();
    classified_.assign(histories_.size(), PreparedContact{});
    if (!assigned_.empty() || !histories_.empty()) crew_.Start([this](std::size_t k) { Work(k); });
    for (const ContactQueue& queue : drafted)
      if (Status s = WriteContactQueue(store_, queue); !s.ok()) return s;
    return Status::Ok();
  }

  // Worker k's share: every size()-th draft and contact, from the k-th.
  void Work(std::size_t k) {
    for (std::size_t i = k; i < assigned_.size(); i += crew_.size()) WriteQueueDrafts(assigned_[i]);
    for (std::size_t i = k; i < histories_.size(); i += crew_.size())
      classified_[i] = ClassifyContact(histories_[i], ctx_);
  }

  Store& store_;
  const QueueContext& ctx_;
  OpenWork load_;
  std::vector<ContactHistory> batch_;       // being read from the store
  std::vector<ContactHistory> histories_;   // the batch being classified by the crew...
  std::vector<PreparedContact> classified_;  // ...into these
  std::vector<ContactQueue> assigned_;      // owners chosen; drafts being written by the crew
  Crew crew_;                               // last: its threads stop before the rest goes
};

Status Rebuild(Store& store, const QueueContext& ctx) {
  PeopleSaid said;
  if (Status s = said.Load(store); !s.ok()) return s;
  if (Status s = store.ClearOpportunities(); !s.ok()) return s;
  BatchWriter writer(store, ctx);
  if (Status s = store.ForEachContactHistory({}, [&](ContactHistory& h) {
        said.AttachTo(h);
        return writer.Add(h);
      });
      !s.ok())
    return s;
  return writer.Flush();
}

}  // namespace

Status WriteContactQueue(Store& store, const ContactQueue& queue) {
  for (const Suppression& stop : queue.new_stops)
    if (Status s = store.PutSuppression(stop); !s.ok()) return s;
  for (const TimelineEvent& e : queue.events)
    if (Status s = store.PutEvent(e); !s.ok()) return s;
  for (const Outcome& o : queue.inferred_outcomes)
    if (Status s = store.PutOutcome(o); !s.ok()) return s;
  for (const Opportunity& row : queue.rows)
    if (Status s = store.PutOpportunity(row); !s.ok()) return s;
  return Status::Ok();
}

StatusOr<ContactQueue> RebuildContact(Store& store, const QueueContext& ctx, const std::string& contact_key,
                                      const std::vector<std::string>& stale_keys) {
  std::vector<std::string> clear = stale_keys;
  clear.push_back(contact_key);
  std::sort(clear.begin(), clear.end());
  clear.erase(std::unique(clear.begin(), clear.end()), clear.end());
  StatusOr<std::map<std::string, int>> load = store.OpenWorkByOwner(clear);
  if (!load.ok()) return load.status();
  for (const std::string& key : clear)
    if (Status s = store.ClearContactQueue(key); !s.ok()) return s;
  StatusOr<ContactHistory> history = store.ContactHistoryFor(contact_key);
  if (!history.ok()) return history.status();
  // What people said about the opportunities this contact's signals may form (as PeopleSaid).
  std::set<std::string> seen;
  for (const Signal& signal : history->signals) {
    const std::string id = OpportunityId(signal.id);
    if (!seen.insert(id).second) continue;
    StatusOr<std::vector<Outcome>> outcomes = store.OutcomesFor(id);
    if (!outcomes.ok()) return outcomes.status();
    for (Outcome& o : *outcomes)
      if (!o.inferred) history->outcomes.push_back(std::move(o));
    StatusOr<std::vector<Override>> overrides = store.OverridesFor(id);
    if (!overrides.ok()) return overrides.status();
    for (Override& o : *overrides) history->overrides.push_back(std::move(o));
  }
  SortPeopleSaid(*history);
  OpenWork work = std::move(load).value();
  StatusOr<ContactQueue> queue = BuildContactQueue(*history, ClassifyContact(*history, ctx), ctx, work);
  if (!queue.ok()) return queue.status();
  if (Status s = WriteContactQueue(store, *queue); !s.ok()) return s;
  return queue;
}

Status RebuildQueue(Store& store, const CompanyConfig& config, const AuditOptions& options, AuditResult& result) {
  StatusOr<std::shared_ptr<const Classifier>> classifier = Classifier::Create(config);
  if (!classifier.ok()) return classifier.status();
  return RebuildQueue(store, config, options, result, *classifier);
}

Status RebuildQueue(Store& store, const CompanyConfig& config, const AuditOptions& options, AuditResult& result,
                    std::shared_ptr<const Classifier> classifier) {
  const QueueContext ctx{&config, classifier.get(), result.as_of, options.sanitize};
  if (Status s = store.Begin(); !s.ok()) return s;
  if (Status s = Rebuild(store, ctx); !s.ok()) {
    (void)store.Rollback();
    return s;
  }
  return store.Commit();
}

}  // namespace ringback
