#pragma once

#include <stdexcept>

namespace parity::crypto {

/// A key that cannot be read or used, or an OpenSSL failure; the message includes
/// OpenSSL's own error text.
class CryptoError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace parity::crypto
