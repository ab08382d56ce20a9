#include "crypto/key_cache.hpp"

#include <map>
#include <mutex>

namespace parity::crypto {

Key cached_key(const std::string& path) {
  static std::mutex mutex;
  static std::map<std::string, Key> keys;
  const std::lock_guard<std::mutex> lock(mutex);
  const auto found = keys.find(path);
  if (found != keys.end()) {
    return found->second;
  }
  return keys.emplace(path, Key::from_pem_file(path)).first->second;
}

}  // namespace parity::crypto
