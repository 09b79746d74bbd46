// The data stage: loading, positioned errors with exact messages, extends, money.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <unistd.h>

#include "data/data.hpp"
#include "fixture.hpp"
#include "data/toml_reader.hpp"

using namespace lkjip;
using test::TempDir;

namespace {

const std::string& minimal() { return test::minimal_toml(); }

// The minimal file with one exact piece of text replaced (the piece must exist).
std::string with(const std::string& from, const std::string& to) {
    std::string t = minimal();
    const auto at = t.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, "fixture lacks: " << from);
    t.replace(at, from.size(), to);
    return t;
}

// All diagnostics as the CLI prints them.
std::string load_messages(const std::string& text, bool lint = false) {
    Diagnostics diags;
    auto model = load_agency_year_text(text, "x.toml", diags);
    if (model && lint) lint_agency_year(*model, diags);
    std::string out;
    for (const auto& d : diags.items()) out += format_diagnostic(d);
    return out;
}

// Line number (1-based) of the first line containing `needle` in `text`.
int line_of(const std::string& text, const std::string& needle) {
    const auto at = text.find(needle);
    REQUIRE(at != std::string::npos);
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
}


}  // namespace

TEST_CASE("load: the minimal file loads without diagnostics") {
    Diagnostics diags;
    auto model = load_agency_year_text(minimal(), "x.toml", diags);
    REQUIRE(model);
    CHECK(diags.items().empty());
    CHECK(model->laporan.tahun.value == 2024);
    CHECK(model->laporan.tahun.pos.line == 4);
    CHECK(model->laporan.tahun.pos.column == 9);
    CHECK(model->pimpinan.nip->value == "196610081992011010");
    CHECK(model->indikator.size() == 2);
    CHECK(model->indikator[0].target.by_year.at(2024).value == doctest::Approx(85.6));
    REQUIRE(model->program.size() == 1);
    CHECK(model->program[0].children[0].children[0].pagu->value.sen == 100'000'000);
}

TEST_CASE("load: malformed TOML gives one positioned error") {
    const std::string text = with("tempat = \"Pekalongan\"", "tempat = = \"Pekalongan\"");
    const std::string msg = load_messages(text);
    CHECK(msg.starts_with("x.toml:5:"));
    CHECK(msg.find("error: invalid TOML:") != std::string::npos);
    CHECK(std::count(msg.begin(), msg.end(), '\n') == 1);
    // An unclosed quote is one of the slips told in the user's terms (tests/unit/test_hints.cpp).
    CHECK(load_messages(with("tempat = \"Pekalongan\"", "tempat = \"Pekalongan")) ==
          "x.toml:5:10: error: the string that begins on line 5 has no closing \"\n"
          "  hint: end it with \" on line 5; text of several lines goes between \"\"\" and \"\"\"\n");
}

TEST_CASE("load: a wrong type names the key, the table and both types") {
    CHECK(load_messages(with("tahun = 2024", "tahun = \"2024\"")) ==
          "x.toml:4:9: error: `tahun` in [laporan] must be an integer, found a string\n");
    CHECK(load_messages(with("tanggal = 2025-02-26", "tanggal = \"26 Februari 2025\"")) ==
          "x.toml:6:11: error: `tanggal` in [laporan] must be a date such as 2025-02-26 (without quotes), found a string\n");
}

TEST_CASE("load: a missing required key points at its table") {
    CHECK(load_messages(with("tempat = \"Pekalongan\"\n", "")) ==
          "x.toml:3:1: error: [laporan] is missing the required key `tempat`\n");
}

TEST_CASE("load: an unknown key is an error with a did-you-mean hint") {
    const std::string text = with("realisasi = { 2023 = 85.45, 2024 = 85.75 }", "realiasi = { 2023 = 85.45, 2024 = 85.75 }");
    const int line = line_of(text, "realiasi");
    CHECK(load_messages(text) == fmt::format("x.toml:{}:1: error: unknown key `realiasi` in [[indikator]] 'IKU-1'\n"
                                             "  hint: did you mean `realisasi`?\n",
                                             line));
}

TEST_CASE("load: NIP must be 18 digits with a birth date and a sex digit") {
    CHECK(load_messages(with("19661008 199201 1 010", "19661008 199201 1 01")) ==
          "x.toml:19:7: error: NIP `19661008 199201 1 01` has 17 digits; a NIP is 18 digits: birth date (yyyymmdd), "
          "appointment (yyyymm), sex (1 or 2) and a serial of 3\n");
    CHECK(load_messages(with("19661008 199201 1 010", "19661308 199201 1 010")) ==
          "x.toml:19:7: error: NIP `19661308 199201 1 010`: the first 8 digits must be a birth date (yyyymmdd)\n");
    CHECK(load_messages(with("19661008 199201 1 010", "19661008 199201 3 010")) ==
          "x.toml:19:7: error: NIP `19661008 199201 3 010`: digit 15 must be 1 (male) or 2 (female)\n");
}

TEST_CASE("load: an unknown polarity or scale gets the list and a hint") {
    const std::string text = with("satuan = \"Indeks\"", "satuan = \"Indeks\"\npolaritas = \"positip\"");
    const int line = line_of(text, "positip");
    CHECK(load_messages(text) ==
          fmt::format("x.toml:{}:13: error: unknown polaritas `positip` in [[indikator]] 'IKU-1'; expected one of "
                      "`positif`, `negatif`\n  hint: did you mean `positif`?\n",
                      line));
    const std::string scale = minimal() + "\n[pengaturan]\nskala = \"permendagri-54\"\n";
    CHECK(load_messages(scale).find("unknown skala `permendagri-54` in [pengaturan]") != std::string::npos);
}

TEST_CASE("load: a program mapped to a sasaran that does not exist") {
    const std::string text = with("sasaran = [\"S1\"]", "sasaran = [\"S2\"]");
    const int line = line_of(text, "[\"S2\"]");
    CHECK(load_messages(text) == fmt::format("x.toml:{}:12: error: program 3.30.01 refers to sasaran `S2`, which does "
                                             "not exist\n  hint: did you mean `S1`?\n",
                                             line));
}

TEST_CASE("load: duplicate ids point at both places") {
    const std::string text = with("id = \"IKU-2\"", "id = \"IKU-1\"");
    const int first = line_of(text, "id = \"IKU-1\"");
    const auto second_at = text.find("id = \"IKU-1\"", text.find("id = \"IKU-1\"") + 1);
    const int second = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(second_at), '\n'));
    CHECK(load_messages(text) == fmt::format("x.toml:{}:6: error: duplicate indikator `IKU-1`\n  hint: first defined at "
                                             "x.toml:{}:6\n",
                                             second, first));
}

TEST_CASE("load: money must be exact") {
    const std::string text = with("pagu = 1_000_000", "pagu = 1000000.5");
    const std::string msg = load_messages(text);
    CHECK(msg.find("`pagu` in sub kegiatan 3.30.01.2.01.0001: money must be exact, not a float") != std::string::npos);

    std::string error;
    CHECK(data::parse_money_text("15.534.464.918,61", error)->sen == 1'553'446'491'861);
    CHECK(data::parse_money_text("15534464918.61", error)->sen == 1'553'446'491'861);
    CHECK(data::parse_money_text("1.234", error)->sen == 123'400);
    CHECK(data::parse_money_text("-5.000,5", error)->sen == -500'050);
    CHECK(data::parse_money_text("1000000000000000", error)->sen == 100'000'000'000'000'000);  // 10^15 rupiah
    CHECK_FALSE(data::parse_money_text("1.23.456", error));
    CHECK_FALSE(data::parse_money_text("12,345", error));
    CHECK_FALSE(data::parse_money_text("Rp 5.000", error));
    CHECK_FALSE(data::parse_money_text("", error));
}

TEST_CASE("load: nan, inf and numbers out of range are refused") {
    CHECK(load_messages(with("realisasi = { 2024 = 14.5 }", "realisasi = { 2024 = nan }"))
              .find("`realisasi.2024` in [[indikator]] 'IKU-2' must be a finite number") != std::string::npos);
    CHECK(load_messages(with("realisasi = { 2024 = 14.5 }", "realisasi = { 2024 = 1e400 }")).find("invalid TOML") !=
          std::string::npos);
}

TEST_CASE("load: a parent sets budget on a node with children") {
    // A kegiatan's `pagu` is its penetapan only when no sub kegiatan gives one (seed 002; test_budget_stated).
    const std::string text = with("nama = \"Perencanaan\"", "nama = \"Perencanaan\"\npagu = 5");
    CHECK(load_messages(text).find("kegiatan 3.30.01.2.01 gives its `pagu` (penetapan), and so does its sub kegiatan") !=
          std::string::npos);
    const std::string spent = with("nama = \"Perencanaan\"", "nama = \"Perencanaan\"\nrealisasi = 5");
    CHECK(load_messages(spent).find("kegiatan 3.30.01.2.01 has sub-items, so its `realisasi` is their sum") !=
          std::string::npos);
}

TEST_CASE("load: extends merges a region file under the dinas file") {
    TempDir dir;
    dir.write("_pemda.toml", "[pemda]\nnama = \"Kota Contoh\"\njenis = \"kota\"\n[pengaturan]\nskala = \"empat-kategori\"\n"
                             "metode_sasaran = \"data-kelompok\"\n");
    std::string child = with("[pemda]\nnama = \"Kota Contoh\"\njenis = \"kota\"\n", "");
    child = "extends = \"_pemda.toml\"\n" + child + "\n[pengaturan]\nmetode_sasaran = \"rata-rata\"\n";
    const std::string path = dir.write("dinas.toml", child);
    Diagnostics diags;
    auto model = load_agency_year(path, diags);
    REQUIRE_MESSAGE(model, (diags.items().empty() ? "" : format_diagnostic(diags.items()[0])));
    CHECK(model->pemda.nama.value == "Kota Contoh");
    CHECK(*model->pemda.nama.pos.file == (dir.path / "_pemda.toml").string());  // positions survive the merge
    CHECK(model->pemda.nama.pos.line == 2);
    CHECK(model->settings.scale.value.name == "empat-kategori");          // from the parent
    CHECK(model->settings.group_method.value == GroupMethod::mean);       // the child wins
    CHECK(model->chain.size() == 2);
}

TEST_CASE("load: extends cycles and missing parents are errors") {
    TempDir dir;
    dir.write("a.toml", "extends = \"b.toml\"\n");
    const std::string b = dir.write("b.toml", "extends = \"a.toml\"\n");
    Diagnostics diags;
    CHECK_FALSE(load_agency_year(b, diags));
    REQUIRE(diags.items().size() == 1);
    CHECK(diags.items()[0].message.find("`extends` cycle") != std::string::npos);

    Diagnostics missing;
    const std::string c = dir.write("c.toml", "\n  extends = \"nowhere.toml\"\n");
    CHECK_FALSE(load_agency_year(c, missing));
    REQUIRE(missing.items().size() == 1);
    INFO(format_diagnostic(missing.items()[0]));
    CHECK(format_diagnostic(missing.items()[0]).starts_with(c + ":2:13: error: parent file"));
}

// `sertakan` (issue 21): an imported budget kept as a part of its own, merged by kode under the
// hand-written program tree, which keeps the sasaran and names.
TEST_CASE("load: sertakan merges part files by kode and id, positions kept") {
    TempDir dir;
    dir.write("anggaran.toml",
              "# imported\n"
              "[[program]]\nkode = \"3.30.01\"\nnama = \"Program Penunjang\"\n"
              "[[program.kegiatan]]\nkode = \"3.30.01.2.01\"\n"
              "[[program.kegiatan.sub]]\nkode = \"3.30.01.2.01.0001\"\npagu = 1_000_000\nrealisasi = 900_000\n"
              "[[program.kegiatan.sub]]\nkode = \"3.30.01.2.01.0002\"\nnama = \"Rapat Koordinasi\"\npagu = 500\nrealisasi = 400\n"
              "[[program]]\nkode = \"3.30.02\"\nnama = \"Program Baru\"\n"
              "[[program.kegiatan]]\nkode = \"3.30.02.2.01\"\nnama = \"Kegiatan Baru\"\n"
              "[[program.kegiatan.sub]]\nkode = \"3.30.02.2.01.0001\"\nnama = \"Sub Baru\"\npagu = 7\nrealisasi = 7\n");
    dir.write("realisasi.toml", "[[indikator]]\nid = \"IKU-2\"\nrealisasi = { 2023 = 13.0 }\n");
    std::string text = with("pagu = 1_000_000\nrealisasi = 900_000\n", "");
    text = "sertakan = [\"anggaran.toml\", \"realisasi.toml\"]\n" + text;
    const std::string path = dir.write("dinas.toml", text);
    Diagnostics diags;
    auto model = load_agency_year(path, diags);
    REQUIRE_MESSAGE(model, (diags.items().empty() ? "" : format_diagnostic(diags.items()[0])));
    REQUIRE(model->program.size() == 2);
    const Activity& penunjang = model->program[0];
    CHECK(penunjang.kode.value == "3.30.01");
    REQUIRE(penunjang.sasaran);                        // the file's
    CHECK(penunjang.sasaran->at(0).value == "S1");
    const auto& subs = penunjang.children.at(0).children;
    REQUIRE(subs.size() == 2);
    CHECK(subs[0].nama.value == "Penyusunan Dokumen");  // the file's name, the part's money
    REQUIRE(subs[0].pagu);
    CHECK(subs[0].pagu->value.sen == 100'000'000);
    CHECK(*subs[0].pagu->pos.file == (dir.path / "anggaran.toml").string());
    CHECK(subs[0].pagu->pos.line == 9);
    CHECK(subs[1].kode.value == "3.30.01.2.01.0002");  // new in the part: after its predecessor there
    CHECK(model->program[1].kode.value == "3.30.02");
    const Indicator& iku2 = model->indikator.at(1);
    CHECK(iku2.realisasi.find(2023) != nullptr);       // years merged with the file's
    CHECK(iku2.realisasi.find(2024) != nullptr);
}

TEST_CASE("load: sertakan refuses conflicts, nesting, repeats and a wrong type") {
    TempDir dir;
    dir.write("beda.toml", "[[program]]\nkode = \"3.30.01\"\nnama = \"Program Lain\"\n");
    dir.write("sama.toml", "[[program]]\nkode = \"3.30.01\"\nnama = \"Program Penunjang\"\n");
    dir.write("induk.toml", "extends = \"x.toml\"\n");
    dir.write("ganda.toml", "[[indikator]]\nid = \"IKU-1\"\n[[indikator]]\nid = \"IKU-1\"\n");
    auto messages = [&](const std::string& head) {
        const std::string path = dir.write("dinas.toml", head + "\n" + minimal());
        Diagnostics diags;
        const bool loaded = load_agency_year(path, diags).has_value();
        std::string out;
        for (const auto& d : diags.items()) out += format_diagnostic(d);
        return std::make_pair(loaded, out);
    };
    auto [same_ok, same] = messages("sertakan = [\"sama.toml\"]");
    CHECK_MESSAGE(same_ok, same);  // an equal value given twice is no conflict
    auto [beda_ok, beda] = messages("sertakan = [\"beda.toml\"]");
    CHECK_FALSE(beda_ok);
    CHECK(beda.find((dir.path / "beda.toml").string() + ":3:8: error: `program[3.30.01].nama` is given here and at " +
                    (dir.path / "dinas.toml").string() + ":60:8 with another value") != std::string::npos);
    auto [nest_ok, nest] = messages("sertakan = [\"induk.toml\"]");
    CHECK_FALSE(nest_ok);
    CHECK(nest.find("induk.toml:1:11: error: a part file cannot have `extends`") != std::string::npos);
    auto [self_ok, self] = messages("sertakan = [\"./dinas.toml\"]");
    CHECK_FALSE(self_ok);
    CHECK(self.find("which is already part of this data") != std::string::npos);
    auto [twice_ok, twice] = messages("sertakan = [\"sama.toml\", \"sama.toml\"]");
    CHECK_FALSE(twice_ok);
    auto [type_ok, type] = messages("sertakan = \"sama.toml\"");
    CHECK_FALSE(type_ok);
    CHECK(type.find("dinas.toml:1:12: error: `sertakan` must be an array of strings") != std::string::npos);
    auto [gone_ok, gone] = messages("sertakan = [\"nowhere.toml\"]");
    CHECK_FALSE(gone_ok);
    CHECK(gone.find("dinas.toml:1:13: error: part file `") != std::string::npos);
    auto [dup_ok, dup] = messages("sertakan = [\"ganda.toml\"]");
    CHECK_FALSE(dup_ok);
    CHECK(dup.find("ganda.toml:4:6: error: `id` IKU-1 appears twice in `indikator`") != std::string::npos);
    // An array of tables without kode, id or judul cannot be merged element by element.
    const std::string nokey = dir.write("nokey.toml", "[[program]]\nnama = \"Tanpa Kode\"\n");
    (void)nokey;
    auto [nokey_ok, nokey_text] = messages("sertakan = [\"nokey.toml\"]");
    CHECK_FALSE(nokey_ok);
    CHECK(nokey_text.find("arrays of tables are merged element by element only when") != std::string::npos);
}

TEST_CASE("load: files that cannot be read") {
    Diagnostics diags;
    CHECK_FALSE(load_agency_year("/nonexistent/data.toml", diags));
    CHECK(format_diagnostic(diags.items().at(0)) == "/nonexistent/data.toml: error: cannot read data file `/nonexistent/data.toml`\n");
    Diagnostics empty;
    CHECK_FALSE(load_agency_year_text("", "empty.toml", empty));
    CHECK(empty.items().at(0).message == "the data file has no [laporan] table");
}

TEST_CASE("load: formulas name existing components") {
    const std::string text = with("realisasi = { 2024 = 14.5 }",
                                  "rumus = \"sehat / aktf * 100\"\n[[indikator.komponen]]\nid = \"sehat\"\nnama = \"Sehat\"\n"
                                  "nilai = { 2024 = 92 }\n[[indikator.komponen]]\nid = \"aktif\"\nnama = \"Aktif\"\n"
                                  "nilai = { 2024 = 165 }");
    const std::string msg = load_messages(text);
    CHECK(msg.find("rumus of indikator `IKU-2` uses `aktf`, which is not one of its komponen\n  hint: did you mean `aktif`?") !=
          std::string::npos);
    const std::string syntax = with("realisasi = { 2024 = 14.5 }",
                                    "rumus = \"sehat / (aktif\"\n[[indikator.komponen]]\nid = \"sehat\"\nnama = \"S\"\n"
                                    "nilai = { 2024 = 92 }");
    CHECK(load_messages(syntax).find("rumus of indikator `IKU-2`:") != std::string::npos);
}

TEST_CASE("load: the organisation tree has one root and no cycles") {
    const std::string units = "\n[[organisasi.unit]]\nid = \"kadis\"\nnama = \"Kepala Dinas\"\njenis = \"kepala\"\n"
                              "[[organisasi.unit]]\nid = \"sekre\"\nnama = \"Sekretariat\"\njenis = \"sekretariat\"\ninduk = \"kadis\"\n";
    CHECK(load_messages(with("fungsi = [\"Perumusan kebijakan.\", \"Pelaksanaan kebijakan.\"]",
                             "fungsi = [\"Perumusan kebijakan.\", \"Pelaksanaan kebijakan.\"]" + units))
              .empty());
    const std::string bad = "\n[[organisasi.unit]]\nid = \"a\"\nnama = \"A\"\njenis = \"bidang\"\ninduk = \"b\"\n"
                            "[[organisasi.unit]]\nid = \"b\"\nnama = \"B\"\njenis = \"seksi\"\ninduk = \"a\"\n";
    const std::string msg = load_messages(with("fungsi = [\"Perumusan kebijakan.\", \"Pelaksanaan kebijakan.\"]",
                                               "fungsi = [\"Perumusan kebijakan.\", \"Pelaksanaan kebijakan.\"]" + bad));
    CHECK(msg.find("the organisation has no root unit") != std::string::npos);
    CHECK(msg.find("is its own ancestor") != std::string::npos);
}

TEST_CASE("load: a missing image is a positioned error") {
    const std::string text = with("nama = \"Kota Contoh\"", "nama = \"Kota Contoh\"\nlogo = \"tidak-ada.png\"");
    CHECK(load_messages(text) == "x.toml:10:8: error: image `tidak-ada.png` cannot be read\n");
}
