#include "rest/rest_client.h"

#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/StreamSocket.h>

#include <atomic>
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <future>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "clock/clock.h"

namespace pvcwatch::rest {
namespace {

// A loopback HTTP/1.1 server: each GET answered with a small JSON body naming the
// connection and the request's number on it; GET /watch answered as a watch (chunked,
// one line, then held open). It counts the connections it accepted.
class LoopbackServer {
 public:
  enum class Mode {
    kKeepAlive,       // connections stay open between requests
    kCloseAfterOne,   // closed after one answer, without saying so (an idle timeout)
    kConnectionClose  // each answer says Connection: close, and the connection ends
  };

  explicit LoopbackServer(Mode mode)
      : mode_(mode), listener_(Poco::Net::SocketAddress("127.0.0.1", 0)) {
    acceptor_ = std::thread([this] { Accept(); });
  }

  ~LoopbackServer() {
    stop_ = true;
    acceptor_.join();
    std::lock_guard lock(mutex_);
    for (std::thread& t : connections_) t.join();
  }

  std::string host() const {
    return "http://127.0.0.1:" + std::to_string(listener_.address().port());
  }
  int accepted() const { return accepted_; }

  // Ready once the server closed connection `n` (from 1) after its answer.
  std::shared_future<void> Closed(int n) {
    std::lock_guard lock(mutex_);
    return closed_.at(static_cast<size_t>(n - 1)).get_future().share();
  }

 private:
  void Accept() {
    while (!stop_) {
      if (!listener_.poll(Poco::Timespan(0, 20000), Poco::Net::Socket::SELECT_READ)) continue;
      Poco::Net::StreamSocket socket = listener_.acceptConnection();
      const int n = ++accepted_;
      std::lock_guard lock(mutex_);
      connections_.emplace_back([this, socket, n]() mutable { Serve(socket, n); });
    }
  }

  // The next request head, or "" when the client closed the connection or the server stops.
  std::string ReadHead(Poco::Net::StreamSocket& socket) {
    std::string head;
    char c;
    while (head.size() < 4 || head.compare(head.size() - 4, 4, "\r\n\r\n") != 0) {
      while (!socket.poll(Poco::Timespan(0, 20000), Poco::Net::Socket::SELECT_READ)) {
        if (stop_) return "";
      }
      if (socket.receiveBytes(&c, 1) <= 0) return "";
      head.push_back(c);
    }
    return head;
  }

  void Send(Poco::Net::StreamSocket& socket, const std::string& text) {
    socket.sendBytes(text.data(), static_cast<int>(text.size()));
  }

  void Serve(Poco::Net::StreamSocket socket, int n) {
    try {
      for (int request = 1;; ++request) {
        const std::string head = ReadHead(socket);
        if (head.empty()) break;
        if (head.rfind("GET /watch", 0) == 0) {
          Send(socket,
               "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
               "Transfer-Encoding: chunked\r\n\r\n5\r\nline\n\r\n");
          continue;  // held open until the client goes
        }
        const std::string body = "{\"connection\":" + std::to_string(n) +
                                 ",\"request\":" + std::to_string(request) + "}";
        Send(socket,
             "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n" +
                 std::string(mode_ == Mode::kConnectionClose ? "Connection: close\r\n" : "") +
                 "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
        if (mode_ != Mode::kKeepAlive) break;
      }
    } catch (const Poco::Exception&) {
    }
    socket.close();
    std::lock_guard lock(mutex_);
    closed_.at(static_cast<size_t>(n - 1)).set_value();
  }

  Mode mode_;
  Poco::Net::ServerSocket listener_;
  std::atomic<bool> stop_ = false;
  std::atomic<int> accepted_ = 0;
  std::mutex mutex_;
  std::vector<std::thread> connections_;
  std::vector<std::promise<void>> closed_ = std::vector<std::promise<void>>(16);
  std::thread acceptor_;
};

struct Client {
  clock::SystemClock clock;
  RestClient client;
  explicit Client(const LoopbackServer& server) : client(ConfigFor(server), clock) {}
  static Config ConfigFor(const LoopbackServer& server) {
    Config config;
    config.host = server.host();
    config.proxy_url = "";
    return config;
  }
  std::string Get() {
    Response response = client.Get("/api/v1/persistentvolumeclaims", "application/json");
    BOOST_TEST(response.status == 200);
    return response.body;
  }
};

BOOST_AUTO_TEST_SUITE(rest_client_test)

BOOST_AUTO_TEST_CASE(gets_share_one_connection_kept_alive) {
  LoopbackServer server(LoopbackServer::Mode::kKeepAlive);
  Client c(server);
  BOOST_TEST(c.Get() == R"({"connection":1,"request":1})");
  BOOST_TEST(c.Get() == R"({"connection":1,"request":2})");
  BOOST_TEST(c.Get() == R"({"connection":1,"request":3})");
  BOOST_TEST(server.accepted() == 1);
}

BOOST_AUTO_TEST_CASE(a_get_on_a_connection_the_server_closed_is_sent_again_on_a_new_one) {
  // The server ends each connection after one answer without saying so, as an idle
  // timeout does: the next GET finds it closed before any answer and is sent again.
  LoopbackServer server(LoopbackServer::Mode::kCloseAfterOne);
  Client c(server);
  std::shared_future<void> first_closed = server.Closed(1);
  BOOST_TEST(c.Get() == R"({"connection":1,"request":1})");
  first_closed.wait();
  std::shared_future<void> second_closed = server.Closed(2);
  BOOST_TEST(c.Get() == R"({"connection":2,"request":1})");
  second_closed.wait();
  BOOST_TEST(c.Get() == R"({"connection":3,"request":1})");
  BOOST_TEST(server.accepted() == 3);
}

BOOST_AUTO_TEST_CASE(an_answer_that_closes_its_connection_is_not_kept) {
  LoopbackServer server(LoopbackServer::Mode::kConnectionClose);
  Client c(server);
  BOOST_TEST(c.Get() == R"({"connection":1,"request":1})");
  BOOST_TEST(c.Get() == R"({"connection":2,"request":1})");
  BOOST_TEST(server.accepted() == 2);
}

BOOST_AUTO_TEST_CASE(a_watch_holds_its_connection_and_lists_meanwhile_get_another) {
  LoopbackServer server(LoopbackServer::Mode::kKeepAlive);
  Client c(server);
  BOOST_TEST(c.Get() == R"({"connection":1,"request":1})");
  Response head;
  std::unique_ptr<LineStream> watch =
      c.client.Stream("/watch", head, std::chrono::seconds(30), 1 << 20);
  BOOST_REQUIRE(watch);
  BOOST_TEST(server.accepted() == 1);  // the watch went on the list's connection
  BOOST_TEST(*watch->NextLine() == "line");
  BOOST_TEST(c.Get() == R"({"connection":2,"request":1})");
  BOOST_TEST(c.Get() == R"({"connection":2,"request":2})");
  watch.reset();
  BOOST_TEST(c.Get() == R"({"connection":2,"request":3})");
  BOOST_TEST(server.accepted() == 2);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace pvcwatch::rest
