#pragma once

#include "core/profile.hpp"
#include "load/yaml_reader.hpp"

namespace parity::load {

/// Reads the profile's `tls` map (profiles/README.md, "TLS"): certificate checks, CA file and
/// the profile-wide client certificate and key. Absent: the defaults.
TlsConfig read_tls(MapReader& profile);

/// RFC 8705 §2: reads the certificate and key an mTLS client authenticates with (its own
/// `tls_client_cert` and `tls_client_key`, else those of `tls`) and checks they belong
/// together. Clients of other authentication methods may give neither.
void read_tls_identity(MapReader& reader, Client& client, const TlsConfig& tls);

}  // namespace parity::load
