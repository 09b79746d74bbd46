// Section 2: a synthetic report of N chapters through parse, layout and PDF, to show that the
// time grows linearly with the pages (and the 60-page row, the target).
#include <cstdint>
#include <cstdio>

#include <fmt/format.h>

#include "bench.hpp"
#include "markdown/markdown.hpp"
#include "pdf/pdf.hpp"

namespace lkjip::bench {

namespace {

// Words of a typical LKjIP paragraph; a fixed generator picks them, so the text is the same
// on every run and every machine.
constexpr const char* kWords[] = {
    "pelaksanaan", "kinerja",    "instansi",    "pemerintah", "capaian",     "indikator",   "sasaran",
    "strategis",   "anggaran",   "realisasi",   "program",    "kegiatan",    "dalam",       "rangka",
    "meningkatkan", "pelayanan", "masyarakat",  "daerah",     "perdagangan", "koperasi",    "usaha",
    "mikro",       "kecil",      "menengah",    "yang",       "dan",         "dengan",      "untuk",
    "pada",        "tahun",      "telah",       "dilaksanakan", "sesuai",    "ketentuan",   "peraturan",
    "perundang-undangan", "berdasarkan", "hasil", "evaluasi", "akuntabilitas", "pengukuran", "terhadap",
    "target",      "ditetapkan", "perjanjian",  "sebesar",    "persen",      "dibandingkan", "sebelumnya",
    "mengalami",   "peningkatan", "penurunan",  "faktor",     "pendukung",   "penghambat",  "upaya",
    "perbaikan",   "dinas",      "pengembangan", "pemberdayaan", "pasar",    "rakyat",      "harga",
    "bahan",       "pokok",      "stabil",      "tersedia",   "secara",      "berkelanjutan", "efisien",
};
constexpr std::size_t kWordCount = sizeof(kWords) / sizeof(kWords[0]);

const char* const kRoman[] = {"I",    "II",    "III",  "IV",  "V",    "VI",    "VII",    "VIII",
                              "IX",   "X",     "XI",   "XII", "XIII", "XIV",   "XV",     "XVI"};

class Words {
public:
    const char* next() {
        state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
        return kWords[(state_ >> 33) % kWordCount];
    }
    std::uint64_t number(std::uint64_t below) {
        state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
        return (state_ >> 33) % below;
    }

private:
    std::uint64_t state_ = 42;
};

// A sentence-cased paragraph of `n` words with an italic term, ending with a full stop.
void paragraph(std::string& out, Words& w, int n) {
    for (int i = 0; i < n; ++i) {
        std::string word = w.next();
        if (i == 0) word[0] = static_cast<char>(word[0] - 'a' + 'A');
        if (i > 0) out += (i % 13 == 0) ? ", " : " ";
        if (i == n / 2) out += "*good governance* ";
        out += word;
    }
    out += ".\n\n";
}

void table(std::string& out, Words& w, int chapter, int section) {
    out += fmt::format("**Tabel {}.{}** Capaian Indikator Kinerja Sasaran {}.{} Tahun 2024\n\n", chapter, section,
                       chapter, section);
    out += "| No | Indikator Kinerja | Satuan | Target | Realisasi | Capaian (%) |\n";
    out += "|---:|---|---|---:|---:|---:|\n";
    for (int r = 1; r <= 30; ++r) {
        const auto target = 50 + w.number(50);
        const auto real = 40 + w.number(70);
        out += fmt::format("| {} | Persentase {} {} {} | Persen | {},00 | {},{:02} | {},{:02} |\n", r, w.next(), w.next(),
                           w.next(), target, real, w.number(100), real * 100 / target, w.number(100));
    }
    out += "\nSumber: Dinas Contoh, 2025\n\n";
}

}  // namespace

std::string synthetic_markdown(int chapters) {
    Words w;
    std::string out;
    out += "<!-- lkjip:front-matter -->\n\n# KATA PENGANTAR\n\n";
    for (int p = 0; p < 3; ++p) paragraph(out, w, 90);
    out += "# DAFTAR ISI\n\n<!-- lkjip:toc -->\n\n<!-- lkjip:main-matter -->\n\n";
    for (int c = 1; c <= chapters; ++c) {
        out += fmt::format("# BAB {} {} {}\n\n", kRoman[(c - 1) % 16], "AKUNTABILITAS", "KINERJA");
        for (int s = 1; s <= 10; ++s) {
            out += fmt::format("## {}.{} Pengukuran Kinerja Sasaran {}\n\n", c, s, s);
            paragraph(out, w, 85);
            for (int i = 1; i <= 3; ++i) {
                out += fmt::format("{}. ", i);
                paragraph(out, w, 18);
                out.resize(out.size() - 1);  // list items on consecutive lines: one tight list
            }
            out += "\n";
            table(out, w, c, s);
        }
    }
    return out;
}

layout::LayoutSettings synthetic_settings() {
    layout::LayoutSettings s;
    s.running_header = "LKjIP Dinas Contoh Kota Contoh Tahun 2024";
    s.source_name = "synthetic.md";
    s.info.title = "Laporan Kinerja Instansi Pemerintah Dinas Contoh Tahun 2024";
    s.info.year = 2025;
    s.info.month = 2;
    s.info.day = 26;
    return s;
}

void bench_scaling(int reps) {
    std::printf("\n== 2. Scaling: synthetic Markdown of N chapters to PDF, ms (median of %d runs after 1 warm-up) ==\n",
                reps);
    std::printf("%-9s %7s %6s %7s %7s %7s %8s %8s %8s\n", "chapters", "MD KiB", "pages", "parse", "layout", "pdf",
                "total", "ms/page", "PDF KiB");
    const auto settings = synthetic_settings();
    double target_total = 0;
    std::size_t target_pages = 0;
    for (const int n : kScalingChapters) {
        const std::string text = synthetic_markdown(n);
        const MarkdownTimes t = markdown_to_pdf(text, settings, reps);
        if (!t.ok) {
            std::printf("%d chapters: the document fails\n", n);
            return;
        }
        const std::size_t pages = t.pages;
        const double tot = t.total();
        std::printf("%-9d %7.0f %6zu %7.2f %7.2f %7.2f %8.2f %8.3f %8.1f%s\n", n, kib(text.size()), pages, t.parse,
                    t.layout, t.pdf, tot, tot / static_cast<double>(pages), kib(t.bytes),
                    n == kTargetChapters ? "   <- target" : "");
        if (n == kTargetChapters) {
            target_total = tot;
            target_pages = pages;
        }
    }
    std::printf("TARGET (issue 5): %zu-page document, Markdown -> PDF on one core: %.1f ms (goal < 100 ms: %s)\n",
                target_pages, target_total, target_total < 100 ? "met" : "NOT met");
}

}  // namespace lkjip::bench
