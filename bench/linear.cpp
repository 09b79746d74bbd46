// Section 9, linear (issue 22): the cost of a document ten times larger, per stage. Three inputs,
// each at two sizes a factor of ten apart: the synthetic report (about 50 and 500 pages, as in
// section 2), one paragraph of 30 000 and 300 000 words (the hardening issue's longest), and one
// table of 1 000 and 10 000 rows. A stage is linear when its ratio is about 10; the issue asks
// for at most 10 for the report.
#include <cstdio>
#include <string>

#include "bench.hpp"
#include "common/diagnostics.hpp"
#include "markdown/markdown.hpp"
#include "pdf/pdf.hpp"

namespace lkjip::bench {
namespace {

struct Cost {
    bool ok = false;
    std::size_t pages = 0;
    double parse = 0, layout = 0, pdf = 0;
    double total() const { return parse + layout + pdf; }
};

// Markdown to PDF bytes, the median of `reps` runs after one warm-up.
Cost cost_of(const std::string& text, int reps) {
    const auto settings = synthetic_settings();
    std::vector<double> parse, layout, pdf;
    Cost out;
    for (int i = 0; i <= reps; ++i) {
        Diagnostics diags;
        auto t0 = Clock::now();
        const md::Document doc = md::parse(text, settings.source_name, diags);
        const double tp = ms_since(t0);
        t0 = Clock::now();
        const auto typeset = layout::typeset(doc, settings, diags);
        const double tl = ms_since(t0);
        if (!typeset || diags.has_errors()) {
            for (const auto& d : diags.items()) std::fputs(format_diagnostic(d, false).c_str(), stdout);
            return out;
        }
        std::string bytes;
        t0 = Clock::now();
        if (!pdf::write_pdf(*typeset, bytes).ok) return out;
        const double tw = ms_since(t0);
        out.pages = typeset->pages.size();
        if (i == 0) continue;
        parse.push_back(tp);
        layout.push_back(tl);
        pdf.push_back(tw);
    }
    out.ok = true;
    out.parse = median(parse);
    out.layout = median(layout);
    out.pdf = median(pdf);
    return out;
}

// The synthetic word generator of synthetic.cpp is private to it; a paragraph of `words` words
// of the same Indonesian-like vocabulary.
std::string long_paragraph(std::size_t words) {
    static const char* const kWords[] = {"kinerja", "capaian", "sasaran", "program", "kegiatan", "anggaran",
                                         "realisasi", "target", "indikator", "pelayanan", "masyarakat",
                                         "peningkatan", "perdagangan", "koperasi", "usaha", "mikro", "daerah",
                                         "pemerintah", "akuntabilitas", "strategis"};
    std::string out = "# BAB I PENDAHULUAN\n\n";
    std::uint64_t state = 7;
    for (std::size_t i = 0; i < words; ++i) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        if (i > 0) out += (i % 17 == 0) ? ", " : " ";
        out += kWords[(state >> 33) % (sizeof kWords / sizeof kWords[0])];
    }
    out += ".\n";
    return out;
}

std::string long_table(std::size_t rows) {
    std::string out = "# BAB I PENDAHULUAN\n\n**Tabel 1.1** Realisasi per sub kegiatan\n\n| No | Sub kegiatan | Pagu (Rp) | Realisasi (Rp) | % |\n|---:|---|---:|---:|---:|\n";
    for (std::size_t r = 1; r <= rows; ++r) {
        const std::size_t pagu = 1000000 + r * 7919 % 900000, real = pagu - r * 104729 % 90000;
        out += "| " + std::to_string(r) + " | Penyediaan jasa pelayanan umum kantor " + std::to_string(r) + " | " +
               std::to_string(pagu) + ".000 | " + std::to_string(real) + ".000 | " + std::to_string(real * 100 / pagu) + ",00 |\n";
    }
    return out;
}

void row(const char* what, const Cost& small, const Cost& large) {
    if (!small.ok || !large.ok) {
        std::printf("%-34s the document fails\n", what);
        return;
    }
    std::printf("%-34s %6zu %6zu %7.1f %7.1f %7.1f %7.1f %9.1f\n", what, small.pages, large.pages, large.parse / small.parse,
                large.layout / small.layout, large.pdf / small.pdf, large.total() / small.total(), large.total());
}

}  // namespace

void bench_linear(int reps) {
    std::printf("\n== 9. Linear: ten times the input, cost ratio per stage (median of %d runs after 1 warm-up) ==\n", reps);
    std::printf("%-34s %6s %6s %7s %7s %7s %7s %9s\n", "input (small -> 10x)", "pages", "pages", "parse", "layout", "pdf",
                "total", "10x ms");
    const int few = std::max(1, std::min(reps, 3));  // the large inputs take seconds
    row("report, 4 -> 34 chapters", cost_of(synthetic_markdown(4), reps), cost_of(synthetic_markdown(34), few));
    row("one paragraph, 30k -> 300k words", cost_of(long_paragraph(30000), few), cost_of(long_paragraph(300000), few));
    row("one table, 1k -> 10k rows", cost_of(long_table(1000), few), cost_of(long_table(10000), few));
}

}  // namespace lkjip::bench
