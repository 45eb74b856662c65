// bench_walk_router — figures for map/walk_router: graph load time, route time over many pairs of points
// spread over the district (mean, median, p95, max), and the longest route. Prints; asserts nothing.
//   bench_walk_router [graph.bkwalk] [pairs]
#include "map/walk_router.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <random>
#include <vector>

using namespace bk::map;
using Clock = std::chrono::steady_clock;

namespace {
// CPU time of this thread: on a loaded machine (5 agents on 2 cores) wall time includes preemption.
double thread_cpu_ms() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}
}  // namespace

int main(int argc, char** argv) {
    const char* path = argc > 1 ? argv[1] : BUURTKAART_WALK_GRAPH;
    const int pairs = argc > 2 ? std::atoi(argv[2]) : 2000;
    const auto t0 = Clock::now();
    auto router = WalkRouter::load(path);
    const double load_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
    if (!router) {
        std::fprintf(stderr, "bench_walk_router: %s\n", router.error().message.c_str());
        return 1;
    }
    std::printf("walk graph %s: %zu nodes, %zu edges, %zu shape points, %zu names; load %.1f ms\n", path,
                router->graph().nodes.size(), router->graph().edges.size(), router->graph().shape.size(),
                router->graph().names.size(), load_ms);
    // Points like venues: uniformly over the district's box (lon 4.425-4.475, lat 51.902-51.925).
    std::mt19937 rng{42};
    std::uniform_real_distribution<double> lon{4.425, 4.475}, lat{51.902, 51.925};
    std::vector<double> ms, cpu;
    double longest = 0;
    int refused = 0;
    for (int i = 0; i < pairs; ++i) {
        const LonLat a{lon(rng), lat(rng)}, b{lon(rng), lat(rng)};
        const auto s = Clock::now();
        const double c0 = thread_cpu_ms();
        auto r = router->route(a, b);
        cpu.push_back(thread_cpu_ms() - c0);
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - s).count());
        if (!r) ++refused;
        else longest = std::max(longest, r->length_m);
    }
    std::sort(ms.begin(), ms.end());
    std::sort(cpu.begin(), cpu.end());
    double sum = 0;
    for (double v : ms) sum += v;
    std::printf("route wall time: %d random pairs, mean %.3f ms, median %.3f ms, p95 %.3f ms, max %.3f ms "
                "(%d refused: a point in the river or a harbour; longest route %.0f m)\n",
                pairs, sum / pairs, ms[ms.size() / 2], ms[ms.size() * 95 / 100], ms.back(), refused, longest);
    std::printf("route CPU time (excludes preemption): median %.3f ms, p95 %.3f ms, p99.9 %.3f ms, max %.3f ms\n",
                cpu[cpu.size() / 2], cpu[cpu.size() * 95 / 100], cpu[cpu.size() * 999 / 1000], cpu.back());
    return 0;
}
