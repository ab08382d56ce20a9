#include "load/positive_int.hpp"

namespace parity::load {

long read_positive(MapReader& reader, const std::string& key, long fallback) {
  const long value = reader.optional_int(key, fallback);
  if (value <= 0) {
    throw LoadError(reader.location_of_key(key), "'" + key + "' must be positive");
  }
  return value;
}

}  // namespace parity::load
