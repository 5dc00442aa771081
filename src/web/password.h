// Password hashing with Argon2id (libargon2), in the PHC string form that carries its own salt
// and parameters, so stronger parameters later still verify old hashes.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace ringback::web {

// The shortest password `ringback user add` accepts.
inline constexpr std::size_t kMinPasswordLength = 10;

// Hashes with a fresh 16-byte salt; OWASP's Argon2id minimum: 19 MiB, 2 passes, 1 lane.
StatusOr<std::string> HashPassword(std::string_view password);

// True when `password` matches `encoded` (a "$argon2id$..." string). False for anything else,
// including a malformed hash.
bool VerifyPassword(std::string_view password, const std::string& encoded);

// A hash of a random password: verified against when the login does not exist, so a wrong
// login takes as long as a wrong password and logins cannot be discovered by timing.
const std::string& DecoyHash();

}  // namespace ringback::web
