#include "store/store_pool.h"

#include <algorithm>
#include <utility>

namespace ringback {

StorePool::StorePool(std::string db, std::size_t capacity, std::function<Status(Store&)> setup)
    : db_(std::move(db)), capacity_(std::max<std::size_t>(capacity, 1)), setup_(std::move(setup)) {}

StorePool::~StorePool() = default;

StorePool::Lease::Lease(Lease&& other) noexcept : pool_(other.pool_), store_(std::move(other.store_)) {
  other.pool_ = nullptr;
}

StorePool::Lease& StorePool::Lease::operator=(Lease&& other) noexcept {
  if (this != &other) {
    Release();
    pool_ = std::exchange(other.pool_, nullptr);
    store_ = std::move(other.store_);
  }
  return *this;
}

StorePool::Lease::~Lease() { Release(); }

void StorePool::Lease::Release() {
  if (pool_ && store_) pool_->GiveBack(std::move(store_));
  store_.reset();
  pool_ = nullptr;
}

StatusOr<StorePool::Lease> StorePool::Acquire(const std::string& company) {
  std::unique_ptr<Store> evicted;  // closed outside the lock: a connection's goodbye takes time
  {
    std::unique_lock<std::mutex> lock(mu_);
    for (;;) {
      // The most recently used store of the company: its statements are prepared already.
      for (auto it = idle_.rbegin(); it != idle_.rend(); ++it) {
        if ((*it)->company() != company) continue;
        std::unique_ptr<Store> store = std::move(*it);
        idle_.erase(std::next(it).base());
        return Lease(this, std::move(store));
      }
      if (open_ < capacity_) {
        ++open_;
        break;
      }
      if (!idle_.empty()) {  // full, but another company's store sits idle: it makes room
        evicted = std::move(idle_.front());
        idle_.pop_front();
        break;
      }
      freed_.wait(lock);
    }
  }
  evicted.reset();
  StatusOr<std::unique_ptr<Store>> store =
      OpenStore(db_, company, {.create_database = false, .create_company = false});
  Status s = store.ok() ? Status::Ok() : store.status();
  if (s.ok() && setup_) s = setup_(**store);
  if (!s.ok()) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      --open_;
    }
    freed_.notify_one();
    return s;
  }
  return Lease(this, std::move(store).value());
}

void StorePool::GiveBack(std::unique_ptr<Store> store) {
  const bool lost = !store->Connected();  // a lost connection is closed, and the next borrower opens one
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (lost) --open_;
    else idle_.push_back(std::move(store));
  }
  store.reset();
  freed_.notify_one();
}

std::size_t StorePool::open() const {
  std::lock_guard<std::mutex> lock(mu_);
  return open_;
}

}  // namespace ringback
