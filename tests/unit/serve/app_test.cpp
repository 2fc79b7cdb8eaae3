#include "kb/serve/app.h"

#include <doctest/doctest.h>

using kb::serve::host_allowed;

TEST_SUITE("serve") {
  TEST_CASE("host header: localhost or an IP address with the server's port only") {
    CHECK(host_allowed("127.0.0.1:8080", 8080));
    CHECK(host_allowed("localhost:8080", 8080));
    CHECK(host_allowed("LOCALHOST:8080", 8080));
    CHECK(host_allowed("[::1]:8080", 8080));
    CHECK(host_allowed("192.168.1.20:8080", 8080));
    SUBCASE("a DNS name (rebinding) is refused") {
      CHECK_FALSE(host_allowed("evil.example:8080", 8080));
      CHECK_FALSE(host_allowed("localhost.evil.example:8080", 8080));
      CHECK_FALSE(host_allowed("127.0.0.1.evil.example:8080", 8080));
    }
    SUBCASE("another port, no port, nothing") {
      CHECK_FALSE(host_allowed("127.0.0.1:8081", 8080));
      CHECK_FALSE(host_allowed("127.0.0.1", 8080));
      CHECK_FALSE(host_allowed("[::1]", 8080));
      CHECK_FALSE(host_allowed("", 8080));
      CHECK_FALSE(host_allowed(":8080", 8080));
    }
  }

  TEST_CASE("token: 32 hex digits, new each time") {
    const std::string a = kb::serve::make_token(), b = kb::serve::make_token();
    CHECK(a.size() == 32);
    CHECK(a.find_first_not_of("0123456789abcdef") == std::string::npos);
    CHECK(a != b);
  }
}
