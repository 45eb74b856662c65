// walk_graph_bake — derives the walking graph (walk_graph.hpp) from the committed basemap extract at build
// time:  walk_graph_bake --extract assets/basemap/delfshaven.bkmap --out build/walk/delfshaven.bkwalk
#include <chrono>
#include <cstdio>
#include <string>

#include "map/basemap/basemap_format.hpp"
#include "map/walk_graph.hpp"

int main(int argc, char** argv) {
    std::string extract, out;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--extract" && i + 1 < argc) extract = argv[++i];
        else if (a == "--out" && i + 1 < argc) out = argv[++i];
        else {
            std::fprintf(stderr, "usage: walk_graph_bake --extract <file.bkmap> --out <file.bkwalk>\nunknown argument: %s\n",
                         a.c_str());
            return 2;
        }
    }
    if (extract.empty() || out.empty()) {
        std::fprintf(stderr, "usage: walk_graph_bake --extract <file.bkmap> --out <file.bkwalk>\n");
        return 2;
    }
    const auto t0 = std::chrono::steady_clock::now();
    auto map = bk::map::basemap::read_basemap_file(extract);
    if (!map) {
        std::fprintf(stderr, "walk_graph_bake: %s\n", map.error().message.c_str());
        return 1;
    }
    bk::map::WalkBuildReport rep;
    auto g = bk::map::build_walk_graph(*map, &rep);
    if (!g) {
        std::fprintf(stderr, "walk_graph_bake: %s: %s\n", extract.c_str(), g.error().message.c_str());
        return 1;
    }
    auto size = bk::map::write_walk_graph_file(out, *g);
    if (!size) {
        std::fprintf(stderr, "walk_graph_bake: %s\n", size.error().message.c_str());
        return 1;
    }
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("walk_graph_bake: %zu walkable lines (%zu dangling ends joined, %zu crossings made junctions) -> %zu vertices, %zu segments;\n"
                "  kept the largest connected piece (%zu vertices dropped): %zu nodes, %zu edges (%zu named), "
                "%zu shape points, %zu names; %zu bytes in %.2f s -> %s\n",
                rep.lines_used, rep.joined_ends, rep.joined_crossings, rep.nodes_before, rep.edges_before, rep.dropped_nodes, g->nodes.size(),
                g->edges.size(), rep.named_edges, g->shape.size(), g->names.size(), *size, secs, out.c_str());
    return 0;
}
