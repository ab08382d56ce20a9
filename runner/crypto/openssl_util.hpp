#pragma once

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

#include <memory>
#include <string>
#include <string_view>

// Private to parity_crypto: RAII owners for OpenSSL handles and error reporting.
namespace parity::crypto::detail {

/// unique_ptr deleter calling an OpenSSL free function.
template <typename T, void (*Free)(T*)>
struct Deleter {
  void operator()(T* handle) const { Free(handle); }
};

using PkeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using PkeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, Deleter<EVP_PKEY_CTX, EVP_PKEY_CTX_free>>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, Deleter<EVP_MD_CTX, EVP_MD_CTX_free>>;
using BignumPtr = std::unique_ptr<BIGNUM, Deleter<BIGNUM, BN_free>>;
using ParamBldPtr = std::unique_ptr<OSSL_PARAM_BLD, Deleter<OSSL_PARAM_BLD, OSSL_PARAM_BLD_free>>;
using ParamPtr = std::unique_ptr<OSSL_PARAM, Deleter<OSSL_PARAM, OSSL_PARAM_free>>;

/// Deleter for BIO (BIO_free returns int, so it needs its own).
struct BioDeleter {
  void operator()(BIO* bio) const { BIO_free(bio); }
};
using BioPtr = std::unique_ptr<BIO, BioDeleter>;

/// Drains OpenSSL's thread-local error queue into one line ("unknown error" when empty).
std::string last_openssl_error();
/// Throws CryptoError("`what`: <OpenSSL error text>").
[[noreturn]] void throw_openssl_error(const std::string& what);

/// Big-endian unsigned bytes of `bn`, left-padded with zeros to `width` when it is larger.
std::string bignum_bytes(const BIGNUM& bn, std::size_t width);
/// A BIGNUM from big-endian unsigned bytes; throws CryptoError on allocation failure.
BignumPtr bignum_from_bytes(std::string_view bytes);

}  // namespace parity::crypto::detail
