#pragma once

#include "hostile/hostile_server.hpp"

#include <string>
#include <vector>

namespace parity::hostile {

/// One misbehaviour of the hostile server: the path that triggers it and what it does.
struct Behaviour {
  std::string path;
  std::string description;
};

/// Every behaviour, in a stable order (runner/hostile/README.md lists the runner's outcome
/// for each). Unknown paths are answered 404 with an empty JSON object.
const std::vector<Behaviour>& behaviours();

/// Makes what some behaviours send and is costly to make (the compression bombs, seconds of
/// compression on a loaded machine) now, so that no answer waits for it: the client's timeout
/// would then end the exchange before the behaviour under test is seen.
void prepare_behaviours();

/// Answers `request` on `connection` with the behaviour of its path; `other_host` is the
/// absolute URL /redirect-other points to.
void respond(const ReceivedRequest& request,
             const std::string& other_host,
             const Connection& connection);

}  // namespace parity::hostile
