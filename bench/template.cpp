// Section 6: the template engine's throughput on a large table.
#include <cstdio>

#include "bench.hpp"
#include "report/filters_id.hpp"
#include "template/template.hpp"

namespace lkjip::bench {

void bench_template(int reps) {
    tpl::List rows;
    for (int i = 0; i < 10000; ++i) {
        rows.push_back(tpl::Value::map({{"nama", tpl::Value("Indikator " + std::to_string(i))},
                                        {"target", tpl::Value(85.6 + i)},
                                        {"realisasi", tpl::Value(std::int64_t{1'000'000} + i)}}));
    }
    const tpl::Value context = tpl::Value::map({{"rows", tpl::Value::list(rows)}});
    const std::string text =
        "{% macro baris(r, n) %}| {{ n }} | {{ r.nama | sel }} | {{ r.target | angka(2) }} | {{ r.realisasi | angka }} |"
        "{% endmacro %}| No | Nama | Target | Realisasi |\n|---:|---|---:|---:|\n"
        "{% for r in rows %}{{ baris(r, loop.index) }}\n{% endfor %}";
    tpl::Environment env({});
    report::add_indonesian_filters(env);
    std::vector<double> times;
    std::size_t bytes = 0;
    for (int i = 0; i <= reps; ++i) {
        Diagnostics diags;
        const auto t0 = Clock::now();
        auto out = env.render_string(text, "bench.j2", context, diags);
        if (i > 0) times.push_back(ms_since(t0));
        bytes = out ? out->size() : 0;
    }
    const double ms = median(times);
    std::printf("\n== 6. Template engine: 10 000 table rows through a macro ==\n"
                "%.2f ms per render, %.0f rows/s, %.1f MB/s\n",
                ms, 10000.0 / (ms / 1000.0), static_cast<double>(bytes) / 1e6 / (ms / 1000.0));
}

}  // namespace lkjip::bench
