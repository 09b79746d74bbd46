// Section 9, linear (issue 22): the cost of a document ten times larger, per stage. Three inputs,
// each at two sizes a factor of ten apart: the synthetic report (about 50 and 500 pages, as in
// section 2), one paragraph of 30 000 and 300 000 words (the hardening issue's longest), and one
// table of 1 000 and 10 000 rows. A stage is linear when its ratio is about 10; the issue asks
// for at most 10 for the report.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <string>

#include "bench.hpp"

namespace lkjip::bench {
namespace {

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

void row(const char* what, const MarkdownTimes& small, const MarkdownTimes& large) {
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
    row("report, 4 -> 34 chapters", markdown_to_pdf(synthetic_markdown(4), synthetic_settings(), reps), markdown_to_pdf(synthetic_markdown(34), synthetic_settings(), few));
    row("one paragraph, 30k -> 300k words", markdown_to_pdf(long_paragraph(30000), synthetic_settings(), few), markdown_to_pdf(long_paragraph(300000), synthetic_settings(), few));
    row("one table, 1k -> 10k rows", markdown_to_pdf(long_table(1000), synthetic_settings(), few), markdown_to_pdf(long_table(10000), synthetic_settings(), few));
}

}  // namespace lkjip::bench
