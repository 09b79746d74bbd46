// Chart geometry (generator/layout/chart*.cpp) with made-up numbers: nice ticks, id-ID numbers,
// the data read from a table, labels that never overlap and stay inside the chart, and the
// organisation chart's tree layout (parents above children, every unit once, connectors that
// join boxes, the whole inside the column).
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include "layout/chart.hpp"
#include "layout/fonts.hpp"
#include "markdown/markdown.hpp"

using namespace lkjip;
using namespace lkjip::layout::chart;

namespace {

Fonts fonts() {
    std::string error;
    const layout::FontBook* book = layout::font_book(false, error);
    REQUIRE_MESSAGE(book, error);
    return Fonts{&book->set, book->ids};
}

Data table_data(const std::string& args, const std::string& table) {
    Diagnostics diags;
    const md::Document doc = md::parse(table, "t.md", diags);
    REQUIRE(!doc.blocks.empty());
    std::string error;
    auto d = read_data(args, doc.blocks.back().table, error);
    REQUIRE_MESSAGE(d, error);
    return *d;
}

void check_labels(const Drawing& d, double width) {
    for (std::size_t i = 0; i < d.texts.size(); ++i) {
        const Rect& a = d.texts[i];
        INFO("label " << i << " at " << a.x << "," << a.y << " " << a.w << "x" << a.h);
        CHECK(a.x >= -0.01);
        CHECK(a.right() <= width + 0.01);
        CHECK(a.y >= -0.01);
        CHECK(a.bottom() <= d.height + 0.01);
        for (std::size_t j = i + 1; j < d.texts.size(); ++j) {
            INFO("overlaps label " << j << " at " << d.texts[j].x << "," << d.texts[j].y);
            CHECK_FALSE(overlap(a, d.texts[j]));
        }
    }
}

const char* kIku =
    "| Indikator | Target | Realisasi |\n|---|---:|---:|\n"
    "| Nilai SAKIP OPD | 85,60 | 85,75 |\n"
    "| Persentase Koperasi Sehat dan Berkualitas menurut Penilaian Kesehatan | 56,00 | 55,76 |\n"
    "| Nilai Ekspor | 1.234,5 | - |\n"
    "| **Jumlah** | **1.376,1** | **141,51** |\n";

Ticks pct_ticks() { return nice_ticks(0, 87.5, true); }

}  // namespace

TEST_CASE("chart: nice ticks (Heckbert) from zero, 4 to 7 of them") {
    const Ticks t = nice_ticks(0, 87.5, true);
    CHECK(t.values == std::vector<double>{0, 20, 40, 60, 80, 100});
    CHECK(t.decimals == 0);
    CHECK(nice_ticks(12, 87.5, true).lo == 0);  // bars start at zero
    CHECK(nice_ticks(84.2, 85.75, false).lo > 80);  // lines need not
    CHECK(nice_ticks(0, 9341510000, true).step == 2e9);
    const Ticks small = nice_ticks(0, 0.08, true);
    CHECK(small.decimals == 2);
    for (auto [lo, hi] : {std::pair{0.0, 1.0}, {0.0, 3.0}, {-5.0, 12.0}, {0.0, 7107730000.0}, {0.0, 0.0}, {5.0, 5.0}, {0.0, 1e15}}) {
        const Ticks k = nice_ticks(lo, hi, true);
        INFO(lo << ".." << hi);
        CHECK(k.values.size() >= 4);
        CHECK(k.values.size() <= 7);
        CHECK(k.lo <= std::min(lo, 0.0));
        CHECK(k.hi >= hi);
        const double m = k.step / std::pow(10.0, std::floor(std::log10(k.step)));
        CHECK((std::fabs(m - 1) < 1e-9 || std::fabs(m - 2) < 1e-9 || std::fabs(m - 5) < 1e-9));
    }
    CHECK(nice_number(25, true) == 20);
    CHECK(nice_number(87.5, false) == 100);
}

TEST_CASE("chart: id-ID numbers for ticks and values") {
    CHECK(id_number(1234567.891, 2) == "1.234.567,89");
    CHECK(id_number(-0.001, 2) == "0,00");
    CHECK(id_number(-13.72, 1) == "-13,7");
    CHECK(id_number(0.5, 1) == "0,5");
    CHECK(id_short(7107730000) == "7,11 M");
    CHECK(id_short(110667000) == "111 jt");
    CHECK(id_short(3537597309237210) == "3.538 T");
    CHECK(id_short(85.75) == "85,8");
    CHECK(id_short(12) == "12");
    // One chart, one form: small values in juta beside values of juta and more.
    CHECK(id_short(900000, 3, 1000000) == "0,9 jt");
    CHECK(id_short(23250000, 3, 10810035803) == "23,3 jt");
    CHECK(id_short(900000, 3, 950000) == "900.000");
    const Ticks pct = nice_ticks(0, 87.5, true);
    CHECK(tick_labels(pct, axis_scale(pct, "%")) == std::vector<std::string>{"0", "20", "40", "60", "80", "100"});
    const Ticks small_ticks = nice_ticks(0, 0.9, true);
    CHECK(tick_labels(small_ticks, axis_scale(small_ticks, ""))[1] == "0,2");
    CHECK(parse_id("1.234,56") == 1234.56);
    CHECK(parse_id("-12,5") == -12.5);
    CHECK(parse_id("Rp 1.000") == 1000);
    CHECK(parse_id("12,3%") == doctest::Approx(12.3));
    CHECK_FALSE(parse_id("-"));
    CHECK_FALSE(parse_id("Tidak ada"));
}

TEST_CASE("chart: the data of a table, its arguments, and what it cannot draw") {
    CHECK(argument("type=bar title=\"Target dan Realisasi\" scale=each", "title") == "Target dan Realisasi");
    CHECK(argument("type=bar scale=each", "scale") == "each");
    CHECK_FALSE(argument("type=bar", "scale"));
    const Data d = table_data("type=bar", kIku);
    CHECK(d.categories.size() == 3);  // the total row is left out
    CHECK(d.series == std::vector<std::string>{"Target", "Realisasi"});
    CHECK(d.values[0][2] == 1234.5);
    CHECK_FALSE(d.values[1][2]);
    CHECK(d.texts[1][0] == "85,75");
    Diagnostics diags;
    const auto doc = md::parse("| A | B |\n|---|---|\n| x | y |\n", "t.md", diags);
    std::string error;
    CHECK_FALSE(read_data("type=bar", doc.blocks[0].table, error));
    CHECK(error.find("no numbers") != std::string::npos);
    CHECK_FALSE(read_data("type=pie", doc.blocks[0].table, error));
}

TEST_CASE("chart: bar, hbar and line labels never overlap and stay inside the chart") {
    const Fonts f = fonts();
    for (double width : {430.0, 250.0, 160.0}) {
        for (const char* args : {"type=bar", "type=bar scale=each", "type=hbar", "type=line"}) {
            INFO(args << " in " << width << " pt");
            const Drawing d = draw(table_data(args, kIku), f, width);
            CHECK(d.width == width);
            CHECK(d.height > 50);
            CHECK(!d.texts.empty());
            check_labels(d, width);
        }
    }
    // Many long categories: the labels wrap, shrink or end in "…", never collide.
    std::string many = "| Program | Pagu | Realisasi |\n|---|---:|---:|\n";
    for (int i = 0; i < 12; ++i)
        many += "| Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota Nomor " + std::to_string(i) + " | " +
                std::to_string(1000000 * (i + 1)) + " | " + std::to_string(900000 * (i + 1)) + " |\n";
    for (const char* args : {"type=bar", "type=hbar", "type=line"}) {
        INFO(args);
        check_labels(draw(table_data(args, many), f, 430), 430);
    }
}

TEST_CASE("chart: shortened values of categories with their own scale keep their own unit") {
    // Seed 004's IKU: percentages beside rupiah in the quadrillions; squeezed bars shorten the
    // rupiah ("3.538 T") but never write a percentage in the rupiah's unit ("0 T").
    const std::string table = "| Indikator | Target | Realisasi |\n|---|---:|---:|\n"
                              "| SKM (Persen) | 81,50123 | 87,08456 |\n"
                              "| Nilai Perdagangan (Rupiah) | 51.000.000.000 | 3.537.597.309.237.210 |\n";
    const Drawing d = draw(table_data("type=bar scale=each", table), fonts(), 120);
    bool shortened = false;
    for (const auto& t : d.ops.text) {
        INFO(t.text);
        CHECK(t.text.rfind("0 ", 0) != 0);
        CHECK(t.text.rfind("0,", 0) != 0);
        shortened = shortened || t.text == "3.538 T" || t.text.find("3.537.597.309.237.210") != std::string::npos;
    }
    CHECK(shortened);  // over the cut bar, or in the note under the chart when the bar is narrow
}

TEST_CASE("chart: the bands of a scale behind horizontal bars") {
    std::string error;
    const auto bands = parse_bands("90:Sangat Tinggi (> 90);75,5:Tinggi;:Rendah (≤ 75,5)", error);
    REQUIRE_MESSAGE(bands, error);
    REQUIRE(bands->size() == 3);
    CHECK(bands->at(0).from == 90);
    CHECK(bands->at(1).from == 75.5);
    CHECK(bands->at(1).label == "Tinggi");
    CHECK_FALSE(bands->at(2).from);
    CHECK(bands->at(2).label == "Rendah (≤ 75,5)");
    for (const char* bad : {"90 Sangat Tinggi", "x:Tinggi", "75:Tinggi;90:Sangat Tinggi", ":Rendah;50:Sedang", "", "90:A;90:B"}) {
        INFO(bad);
        CHECK_FALSE(parse_bands(bad, error));
        CHECK(error.find("bands=") == 0);
    }
    Diagnostics diags;
    const auto doc = md::parse("| Sasaran | Capaian |\n|---|---:|\n| S1 | 100 |\n", "t.md", diags);
    CHECK_FALSE(read_data("type=bar bands=\"90:A;:B\"", doc.blocks[0].table, error));
    CHECK(error.find("type=hbar") != std::string::npos);
    CHECK_FALSE(read_data("type=hbar bands=\"A;B\"", doc.blocks[0].table, error));
    CHECK(error.find("printed instead") != std::string::npos);

    const Fonts f = fonts();
    const std::string table =
        "| Sasaran | Capaian (%) |\n|---|---:|\n"
        "| Sasaran 1: Meningkatnya Akuntabilitas Kinerja Perangkat Daerah | 100,18 |\n"
        "| Sasaran 2: Meningkatnya Nilai Ekspor Perdagangan | 53,76 |\n"
        "| Sasaran 3: Meningkatnya Daya Saing Sektor Perdagangan | 6.936.465,31 |\n";
    const char* args = "type=hbar bands=\"90:Sangat Tinggi (> 90);75:Tinggi;65:Sedang;50:Rendah;:Sangat Rendah (≤ 50)\"";
    for (double width : {430.0, 250.0}) {
        INFO("width " << width);
        const Drawing d = draw(table_data(args, table), f, width);
        check_labels(d, width);
        // One stripe per band, lowest lightest, all inside the chart and side by side.
        REQUIRE(d.ops.boxes.size() >= 5);
        std::vector<page::Box> stripes(d.ops.boxes.begin(), d.ops.boxes.begin() + 5);
        for (std::size_t i = 0; i + 1 < stripes.size(); ++i) {
            CHECK(stripes[i].x >= stripes[i + 1].x + stripes[i + 1].w - 0.01);  // highest band rightmost
            CHECK(stripes[i].fill->r < stripes[i + 1].fill->r);                  // and darkest
        }
        // The outlier is cut at the axis' end, not drawn off the chart, and keeps its value.
        for (const auto& p : d.ops.paths)
            for (const auto& op : p.ops) CHECK(op.x1 <= width + 0.01);
        bool value = false, legend = false;
        for (const auto& t : d.ops.text) value = value || t.text == "6.936.465,31", legend = legend || t.text.find("(>") != std::string::npos;
        CHECK(value);
        CHECK(legend);
    }
}

TEST_CASE("chart: the organisation chart") {
    const Fonts f = fonts();
    const std::string org =
        "| Unit | Induk |\n|---|---|\n| Kepala Dinas | - |\n| Sekretariat | Kepala Dinas |\n"
        "| Subbagian Perencanaan dan Evaluasi dan Keuangan | Sekretariat |\n| Subbagian Umum dan Kepegawaian | Sekretariat |\n"
        "| Bidang Perdagangan | Kepala Dinas |\n| Seksi Distribusi | Bidang Perdagangan |\n| Seksi Pasar | Bidang Perdagangan |\n"
        "| Bidang Koperasi dan Usaha Mikro Kecil dan Menengah | Kepala Dinas |\n| Bidang Pasar dan Pedagang Kaki Lima | Kepala Dinas |\n"
        "| UPTD Metrologi Legal | Kepala Dinas |\n| Kelompok Jabatan Fungsional | Kepala Dinas |\n"
        "| Unit Yatim | Tidak Ada |\n| Siklus A | Siklus B |\n| Siklus B | Siklus A |\n";
    for (double width : {430.0, 300.0}) {
        INFO("width " << width);
        const Drawing d = draw(table_data("type=org", org), f, width);
        REQUIRE(d.units.size() == 14);  // every unit drawn once, orphans and cycles as roots
        CHECK(d.ops.boxes.size() == 14);
        CHECK(d.width <= width);
        CHECK(d.text_size >= 7);
        for (std::size_t i = 0; i < d.units.size(); ++i) {
            const Rect& u = d.units[i];
            CHECK(u.x >= 0);
            CHECK(u.right() <= width + 0.01);
            for (std::size_t j = i + 1; j < d.units.size(); ++j) CHECK_FALSE(overlap(u, d.units[j]));
            const int p = d.unit_parent[i];
            if (p < 0) continue;
            const Rect& parent = d.units[static_cast<std::size_t>(p)];
            CHECK(parent.bottom() < u.y);  // parent above its children
            // A connector ends on the child's top or left edge, and one starts at the parent's bottom.
            bool child_end = false, parent_end = false;
            for (const auto& s : d.connectors) {
                for (int e = 0; e < 2; ++e) {
                    const double x = s[static_cast<std::size_t>(2 * e)], y = s[static_cast<std::size_t>(2 * e + 1)];
                    if ((std::fabs(y - u.y) < 0.01 && x >= u.x && x <= u.right()) ||
                        (std::fabs(x - u.x) < 0.01 && y >= u.y && y <= u.bottom()))
                        child_end = true;
                    if (std::fabs(y - parent.bottom()) < 0.01 && x >= parent.x && x <= parent.right()) parent_end = true;
                }
            }
            CHECK(child_end);
            CHECK(parent_end);
        }
        check_labels(d, width);
    }
    // "Siklus A" and "Siklus B" name each other: both drawn, neither lost.
    CHECK(draw(table_data("type=org", org), f, 430).unit_parent[11] == -1);
}

// End to end: the sample report's PDF holds the charts as text (category labels found by
// pdftotext) and its Daftar Gambar lists them.
TEST_CASE("chart: the sample report draws its figures") {
    const std::string dir = "/tmp/lkjip-chart-test-" + std::to_string(::getpid());
    const std::string pdf = dir + "/r.pdf", txt = dir + "/r.txt";
    REQUIRE(std::system(("mkdir -p '" + dir + "'").c_str()) == 0);
    const std::string build = std::string("'") + LKJIP_BINARY + "' build -q '" + LKJIP_SOURCE_DIR +
                              "/samples/kota-pekalongan/dindagkop-ukm-2024.toml' -o '" + pdf + "'";
    REQUIRE(std::system(build.c_str()) == 0);
    if (std::system(("pdftotext -v >/dev/null 2>&1")) != 0) {
        MESSAGE("pdftotext (poppler-utils) is missing: the PDF text is not checked");
    } else {
        REQUIRE(std::system(("pdftotext -layout '" + pdf + "' '" + txt + "'").c_str()) == 0);
        std::ifstream in(txt);
        std::stringstream s;
        s << in.rdbuf();
        const std::string text = s.str();
        for (const char* want : {"Kelompok", "Metrologi", "Nilai SAKIP OPD (Indeks)", "Program Pengembangan UMKM", "7,11 M",
                                 "Gambar 3.1 Target dan Realisasi Indikator Kinerja Utama",
                                 // capaian per sasaran against the scale, the values of Tabel 3.6
                                 "Gambar 3.2 Capaian Kinerja per Sasaran Strategis", "100,18", "53,76", "122,68",
                                 "Sangat Tinggi (> 90)",
                                 // realisasi over the Renstra years (a line per series)
                                 "Gambar 3.3 Realisasi dan Target Nilai SAKIP OPD Tahun 2021-2026", "84,21",
                                 "Gambar 3.6 Pagu dan Realisasi"}) {
            INFO(want);
            CHECK(text.find(want) != std::string::npos);
        }
        const auto list = text.rfind("DAFTAR GAMBAR");  // the list itself, after its Daftar Isi entry
        REQUIRE(list != std::string::npos);
        const std::string lists = text.substr(list, 4000);
        CHECK(lists.find("Gambar 1.1") != std::string::npos);
        CHECK(lists.find("Gambar 3.2") != std::string::npos);
        CHECK(lists.find("Gambar 3.6") != std::string::npos);
    }
    std::system(("rm -rf '" + dir + "'").c_str());
}

// Issue 17: honest scales. Made-up numbers for each pure function, then the drawings.
TEST_CASE("chart: units named by labels and axes") {
    CHECK(unit_of("Pagu (Rp)") == "Rp");
    CHECK(unit_of("Survei Kepuasan Masyarakat (SKM) (%)") == "%");
    CHECK(unit_of("Nilai (a (b) c)") == "a (b) c");
    CHECK(unit_of("Target") == "");
    CHECK(unit_of("(LKjIP)") == "");
    CHECK(unit_of("Nilai (Indeks) lama") == "");
    CHECK(without_unit("Nilai SAKIP OPD (Indeks) ") == "Nilai SAKIP OPD");
    CHECK(without_unit("Target") == "Target");
    // The magnitude goes into the caption, in words, and the ticks are plain numbers.
    const Ticks rp = nice_ticks(0, 9e9, true);
    const AxisScale s = axis_scale(rp, "Rp");
    CHECK(s.caption == "Rp miliar");
    CHECK(s.divisor == 1e9);
    CHECK(tick_labels(rp, s).back() == "10");
    CHECK(tick_labels(rp, s).front() == "0");
    CHECK(axis_scale(nice_ticks(0, 4e12, true), "Rupiah").caption == "Rp triliun");
    CHECK(axis_scale(nice_ticks(0, 3e7, true), "orang").caption == "juta orang");
    CHECK(axis_scale(nice_ticks(0, 3e7, true), "").caption == "juta");
    CHECK(axis_scale(pct_ticks(), "%").caption == "%");
    CHECK(axis_scale(nice_ticks(0, 27, true), "juta USD").caption == "juta USD");
    CHECK(axis_scale(nice_ticks(0, 27, true), "").caption.empty());
    const Ticks half = nice_ticks(0, 1.8e9, true);
    const auto labels = tick_labels(half, axis_scale(half, "Rp"));
    CHECK(labels[1] == "0,5");
}

TEST_CASE("chart: the tick count comes from the room") {
    CHECK(tick_count(48, 24) == 3);
    CHECK(tick_count(100, 24) == 5);
    CHECK(tick_count(170, 24) == 7);
    CHECK(tick_count(1000, 24) == 7);
    CHECK(tick_count(0, 24) == 3);
    CHECK(tick_count(-5, 24) == 3);
}

TEST_CASE("chart: the axis breaks only for a few far outliers") {
    // 51 miliar beside 3.537 triliun: the axis stops at the small one; the big one is cut.
    CHECK(axis_limit({51e9, 3537.6e9}, 4.0 / 170) == 51e9);
    // Values spread evenly over orders of magnitude (a budget): no break.
    CHECK(axis_limit({8.3e6, 8.7e6, 110e6, 607e6, 953e6, 1.01e9, 6.8e9, 7.1e9, 8.2e9, 8.97e9}, 4.0 / 250) == 8.97e9);
    // A bar tall enough: no break whatever the ratio.
    CHECK(axis_limit({50, 100}, 4.0 / 170) == 100);
    // Most values huge, one small: cutting most bars would hide the chart, so no break.
    CHECK(axis_limit({1, 1e6, 1e6, 1e6}, 4.0 / 170) == 1e6);
    CHECK(axis_limit({}, 0.1) == 0);
    CHECK(axis_limit({0, 0, 5}, 0.1) == 5);
    CHECK(axis_limit({1, 2, 3, 4, 5, 6, 7, 1000}, 0.01) == 7);
}

namespace {
// Every vertical axis rule of a drawing (x, top, bottom) and every text run's text.
std::vector<std::string> texts_of(const Drawing& d) {
    std::vector<std::string> out;
    for (const auto& t : d.ops.text) out.push_back(t.text);
    return out;
}
bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }
}  // namespace

TEST_CASE("chart: categories of different units each get a drawn axis") {
    const std::string table = "| Indikator | Target | Realisasi |\n|---|---:|---:|\n"
                              "| Nilai SAKIP OPD (Indeks) | 85,60 | 85,75 |\n"
                              "| Nilai Ekspor (juta USD) | 26,97 | 14,50 |\n"
                              "| Nilai Perdagangan (Rupiah) | 51.000.000.000 | 3.537.597.309.237 |\n";
    const Fonts f = fonts();
    for (double width : {430.0, 250.0}) {
        INFO("width " << width);
        const Drawing d = draw(table_data("type=bar scale=each", table), f, width);
        check_labels(d, width);
        // One vertical axis rule per category.
        int axes = 0;
        for (const auto& r : d.ops.rules)
            if (std::fabs(r.x1 - r.x2) < 1e-9 && std::fabs(r.y1 - r.y2) > 50) ++axes;
        CHECK(axes == 3);
        const auto t = texts_of(d);
        CHECK(has(t, "Indeks"));
        CHECK(has(t, "juta USD"));
        CHECK(has(t, "Rp miliar"));  // the axis stops at the target; the realisasi is cut
        // 85,60 and 26,97 are not drawn the same height: each bar stands on its own axis, whose
        // top tick is above it.
        std::vector<double> heights;
        for (const auto& p : d.ops.paths)
            if (p.fill && p.ops.size() == 5) heights.push_back(std::fabs(p.ops[2].y1 - p.ops[0].y1));
        REQUIRE(heights.size() >= 8);  // 6 bars and the legend's 2 keys
        for (double h : heights) CHECK(h >= 1.0);
    }
}

TEST_CASE("chart: no non-zero bar at zero height, a unit kept when a label is shortened") {
    const Fonts f = fonts();
    // Shared axis: 0,5 beside 100 000 is cut down to a visible bar on a broken axis.
    const std::string table = "| Indikator | Target (%) | Realisasi (%) |\n|---|---:|---:|\n"
                              "| A | 0,5 | 0,6 |\n| B | 0,4 | 100.000 |\n";
    const Drawing d = draw(table_data("type=bar", table), f, 430);
    check_labels(d, 430);
    double smallest = INFINITY;
    for (const auto& p : d.ops.paths)
        if (p.fill && p.ops.size() == 5) smallest = std::min(smallest, std::fabs(p.ops[2].y1 - p.ops[0].y1));
    CHECK(smallest >= 4);
    const auto t = texts_of(d);
    CHECK(has(t, "100.000"));  // the cut bar keeps its value
    CHECK(has(t, "%"));        // the axis names the unit, the legend no longer does
    CHECK(has(t, "Target"));
    // A long category at 160 pt: shortened, but "(Rp triliun)" stays whole.
    const std::string longer = "| Indikator | Target | Realisasi |\n|---|---:|---:|\n"
                               "| Nilai Modal Usaha Usaha Mikro Kecil dan Menengah yang Disalurkan oleh Koperasi "
                               "Simpan Pinjam di Seluruh Wilayah Kota (Rp triliun) | 8,42 | 10,33 |\n"
                               "| B (Indeks) | 1 | 2 |\n| C (Indeks) | 1 | 2 |\n| D (Indeks) | 1 | 2 |\n";
    const Drawing l = draw(table_data("type=bar scale=each", longer), f, 160);
    check_labels(l, 160);
    bool unit = false, cut = false;
    for (const auto& run : l.ops.text) {
        unit = unit || run.text.find("triliun)") != std::string::npos;
        cut = cut || run.text.find("\xE2\x80\xA6") != std::string::npos;
    }
    CHECK(cut);
    CHECK(unit);
    // A legend's one line: the series' name shortened, its unit whole.
    const std::string legend = "| Tahun | Realisasi Nilai Ekspor Perdagangan Daerah (juta USD) | Target Renstra (Indeks) |\n"
                               "|---|---:|---:|\n| 2023 | 1 | 2 |\n| 2024 | 2 | 3 |\n";
    const Drawing g = draw(table_data("type=line", legend), f, 160);
    check_labels(g, 160);
    bool kept = false;
    for (const auto& run : g.ops.text) kept = kept || (run.text.find("\xE2\x80\xA6 (juta USD)") != std::string::npos);
    CHECK(kept);
}

TEST_CASE("chart: horizontal bars name their unit, bands' bounds are ticks below the plot") {
    const Fonts f = fonts();
    const std::string budget = "| Program | Pagu (Rp) | Realisasi (Rp) |\n|---|---:|---:|\n"
                               "| Program A | 8.973.297.000 | 8.191.603.594 |\n"
                               "| Program B | 8.660.000 | 8.327.500 |\n";
    const Drawing d = draw(table_data("type=hbar", budget), f, 430);
    check_labels(d, 430);
    const auto t = texts_of(d);
    CHECK(has(t, "Rp miliar"));
    CHECK(has(t, "Pagu"));
    CHECK_FALSE(has(t, "Pagu (Rp)"));
    CHECK(has(t, "10"));  // ticks "0, 2 … 10" under the caption, not "2 M … 10 M"
    CHECK_FALSE(has(t, "10 M"));
    // The smallest program's bar is visible.
    for (const auto& p : d.ops.paths)
        if (p.fill && p.ops.size() == 5) CHECK(std::fabs(p.ops[1].x1 - p.ops[0].x1) >= 1.0);

    const std::string capaian = "| Sasaran | Capaian (%) |\n|---|---:|\n| S1 | 100,18 |\n| S2 | 53,76 |\n";
    const Drawing b = draw(table_data("type=hbar bands=\"90:Sangat Tinggi;75:Tinggi;65:Sedang;50:Rendah;:Sangat Rendah\"", capaian), f, 430);
    check_labels(b, 430);
    // Nothing above the stripes: the bounds are named under the axis.
    double stripes_top = INFINITY;
    for (const auto& box : b.ops.boxes) stripes_top = std::min(stripes_top, -(box.y + box.h));
    for (const auto& r : b.texts) {
        if (r.y < stripes_top) CHECK(r.y >= stripes_top);
    }
    const auto bt = texts_of(b);
    for (const char* bound : {"0", "50", "90", "%"}) {
        INFO(bound);
        CHECK(has(bt, bound));
    }
}
