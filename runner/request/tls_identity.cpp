#include "request/tls_identity.hpp"

#include "crypto/certificate.hpp"
#include "plan/client_selector.hpp"

#include <filesystem>
#include <stdexcept>

namespace parity::run {
namespace {

const Client& with_certificate(const Client& client) {
  if (client.tls_certificate_pem.empty()) {
    throw std::runtime_error("client '" + client.name + "' has no TLS client certificate");
  }
  return client;
}

http::TlsIdentity identity_of(const Client& client) {
  with_certificate(client);
  return {client.tls_certificate_pem,
          client.tls_private_key_pem,
          crypto::certificate_subject(client.tls_certificate_pem) + " (" +
              std::filesystem::path(client.tls_certificate_file).filename().string() + ")"};
}

// RFC 8705 §2.1 / §2.2: the client's name without the issuer's signature, and not the
// certificate it registered.
http::TlsIdentity self_signed_copy_of(const Client& client) {
  const crypto::CertificateAndKey copy =
      crypto::self_signed_copy(with_certificate(client).tls_certificate_pem);
  return {copy.certificate_pem,
          copy.private_key_pem,
          "self-signed copy of " + crypto::certificate_subject(copy.certificate_pem)};
}

http::TlsIdentity overriding_identity(const TlsCertificateSpec& spec,
                                      const Client& client,
                                      const Profile& profile) {
  switch (spec.kind) {
    case TlsCertificateSpec::Kind::none:
      return {"", "", "none"};
    case TlsCertificateSpec::Kind::self_signed_copy:
      return self_signed_copy_of(client);
    case TlsCertificateSpec::Kind::client:
      break;
  }
  const ClientChoice choice = select_client(profile, spec.client, &client);
  if (choice.client == nullptr) {
    throw std::runtime_error(choice.error);
  }
  return identity_of(*choice.client);
}

}  // namespace

std::optional<http::TlsIdentity> step_tls_identity(const RequestSpec& spec,
                                                   AuthMethod method,
                                                   const Client& client,
                                                   const Profile& profile) {
  if (spec.tls_client_cert) {
    return overriding_identity(*spec.tls_client_cert, client, profile);
  }
  if (uses_tls_certificate(method)) {
    return identity_of(client);
  }
  return std::nullopt;
}

}  // namespace parity::run
