// Secrets for sessions and forms: random tokens, their hashes, and a comparison that takes the
// same time whatever the input, so a token cannot be guessed a byte at a time.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace ringback::web {

// The `n` bytes at `data` as lower-case hex (2 * n characters).
std::string Hex(const unsigned char* data, std::size_t n);

// `bytes` random bytes from OpenSSL's CSPRNG, as lower-case hex (2 * bytes characters).
std::string RandomToken(std::size_t bytes = 32);

// Lower-case hex SHA-256 of `text`: what the store keeps of a session token.
std::string Sha256Hex(std::string_view text);

// True when a == b, in time that depends only on the lengths.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace ringback::web
