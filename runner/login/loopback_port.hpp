#pragma once

namespace parity::login {

/// A TCP port on 127.0.0.1 that was free a moment ago (the kernel's choice of an ephemeral
/// port); throws std::runtime_error when no socket can be bound.
int free_loopback_port();

}  // namespace parity::login
