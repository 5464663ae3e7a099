// Start-up time of logicmock-server: fork/exec it with --port 0, read the listening line, send
// one regenerateAccessKey request and stop the clock at its 200. Repeats and prints one JSON
// object with the median (and min/max) over the runs, and the server's VmRSS right after the
// first 200.
//
// usage: bench_startup_probe SERVER [RUNS] [-- extra server flags]
#include <signal.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <vector>

#include "probe_support.hpp"

namespace {

struct Run {
    double listening_ms = -1;
    double first_200_ms = -1;
    long rss_kib = -1;
};

long vm_rss_kib(pid_t pid) {
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmRSS:", 0) == 0) return std::atol(line.c_str() + 6);
    }
    return -1;
}

std::string read_line(int fd) {
    std::string line;
    char c;
    while (::read(fd, &c, 1) == 1 && c != '\n') line += c;
    return line;
}

Run start_once(const std::string& server, const std::vector<std::string>& extra) {
    Run run;
    int out[2];
    if (::pipe(out) != 0) return run;
    std::vector<std::string> args{server, "--port", "0", "--log-format", "none"};
    args.insert(args.end(), extra.begin(), extra.end());
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);

    const auto start = bench::Clock::now();
    pid_t pid = ::fork();
    if (pid == 0) {
        ::dup2(out[1], STDOUT_FILENO);
        ::close(out[0]);
        ::close(out[1]);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    ::close(out[1]);
    const int port = bench::port_of_listening_line(read_line(out[0]));
    run.listening_ms = bench::ms_since(start);
    int fd = port > 0 ? bench::connect_loopback(port) : -1;
    if (fd >= 0 && bench::send_all(fd, bench::regenerate_request()) &&
        bench::read_status(fd) == 200) {
        run.first_200_ms = bench::ms_since(start);
        run.rss_kib = vm_rss_kib(pid);
    }
    if (fd >= 0) ::close(fd);
    ::kill(pid, SIGTERM);
    ::waitpid(pid, nullptr, 0);
    ::close(out[0]);
    return run;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: bench_startup_probe SERVER [RUNS] [-- extra server flags]\n";
        return 2;
    }
    const std::string server = argv[1];
    int runs = 20;
    std::vector<std::string> extra;
    for (int i = 2; i < argc; ++i) {
        if (std::string(argv[i]) == "--") {
            extra.assign(argv + i + 1, argv + argc);
            break;
        }
        runs = std::max(1, std::atoi(argv[i]));
    }

    std::vector<double> listening, first_200;
    long rss_kib = -1;
    int failed = 0;
    for (int i = 0; i < runs; ++i) {
        Run run = start_once(server, extra);
        if (run.first_200_ms < 0) {
            ++failed;
            continue;
        }
        listening.push_back(run.listening_ms);
        first_200.push_back(run.first_200_ms);
        if (rss_kib < 0) rss_kib = run.rss_kib;
    }
    if (first_200.empty()) {
        std::cout << "{\"runs\":" << runs << ",\"failed\":" << failed << "}\n";
        return 1;
    }
    std::printf(
        "{\"runs\":%d,\"failed\":%d,\"median_ms\":%.2f,\"min_ms\":%.2f,\"max_ms\":%.2f,"
        "\"median_listening_ms\":%.2f,\"rss_after_first_200_kib\":%ld}\n",
        runs, failed, median(first_200), *std::min_element(first_200.begin(), first_200.end()),
        *std::max_element(first_200.begin(), first_200.end()), median(listening), rss_kib);
    return failed == 0 ? 0 : 1;
}
