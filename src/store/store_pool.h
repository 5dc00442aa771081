// A pool of open stores for a server's threads: each request borrows one connection (a SQLite
// connection in WAL mode, or a PostgreSQL connection), so requests run side by side and the
// engine, not a lock of ours, decides what waits for what. A store is bound to one company
// (store.h), so the pool keeps stores per company; at most `capacity` are open at once, an idle
// store of another company is closed to make room, and a borrower waits only when every one is
// lent out. A store given back with its connection lost (a PostgreSQL restart) is closed, so
// the server recovers without a restart of its own.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "core/status.h"
#include "store/store.h"

namespace ringback {

class StorePool {
 public:
  // `db` as OpenStore takes it; the database and the companies asked for must exist (a store is
  // opened with create_database and create_company off). `setup` runs once on every store opened
  // (e.g. SetDurableCommits); a store it fails on is not lent.
  StorePool(std::string db, std::size_t capacity, std::function<Status(Store&)> setup = {});
  ~StorePool();
  StorePool(const StorePool&) = delete;
  StorePool& operator=(const StorePool&) = delete;

  // A borrowed store: given back to the pool when the lease ends.
  class Lease {
   public:
    Lease() = default;
    Lease(Lease&& other) noexcept;
    Lease& operator=(Lease&& other) noexcept;
    ~Lease();
    Store& operator*() const { return *store_; }
    Store* operator->() const { return store_.get(); }
    explicit operator bool() const { return store_ != nullptr; }
    // Gives the store back now (nothing when there is none).
    void Release();

   private:
    friend class StorePool;
    Lease(StorePool* pool, std::unique_ptr<Store> store) : pool_(pool), store_(std::move(store)) {}
    StorePool* pool_ = nullptr;
    std::unique_ptr<Store> store_;
  };

  // A store bound to `company`: an idle one of that company, else a new connection. Waits while
  // `capacity` stores are lent out. NotFound for a company the database does not hold.
  StatusOr<Lease> Acquire(const std::string& company);

  // Stores open now, lent out or idle (tests).
  std::size_t open() const;

 private:
  void GiveBack(std::unique_ptr<Store> store);

  const std::string db_;
  const std::size_t capacity_;
  const std::function<Status(Store&)> setup_;
  mutable std::mutex mu_;
  std::condition_variable freed_;
  std::deque<std::unique_ptr<Store>> idle_;  // the least recently used first
  std::size_t open_ = 0;                     // idle, lent out, or being opened
};

}  // namespace ringback
