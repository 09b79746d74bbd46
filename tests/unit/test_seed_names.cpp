// Issue 15, seeds 002 and 004: the IKU dated without a decree ([iku]), the class means of a scale
// printed beside an average (tabel_nilai_tengah), the Renstra's own names of a sasaran and an
// indicator (nama_renstra), and photos of which only the caption survives.
#include <doctest/doctest.h>

#include "compute/compute.hpp"
#include "fixture.hpp"

using namespace lkjip;

namespace {

int count_of(const std::string& text, const std::string& what) {
    int n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

// The whole LKjIP of a data text (the Lampiran has no chapter template of its own).
std::string whole_markdown(const std::string& text) {
    Diagnostics diags;
    auto model = load_agency_year_text(text, "x.toml", diags);
    REQUIRE(model);
    auto md = report::render_markdown(*model, {std::nullopt, {}, report::DocumentKind::lkjip}, diags);
    REQUIRE(md);
    return *md;
}

}  // namespace

TEST_CASE("scale presets: class means are the midpoints of the bounds") {
    auto means = [](const char* name) {
        std::vector<double> out;
        const std::optional<Scale> scale = compute::scale_preset(name);
        REQUIRE(scale);
        for (const auto& b : scale->bands) out.push_back(*b.nilai_tengah);
        return out;
    };
    // Seed 002 §3.1 "Nilai Mean setiap kategori".
    CHECK(means("permendagri-54-2010") == std::vector<double>{95, 82.5, 70, 57.5, 25});
    // Permendagri 86/2017's integer ranges 91-100, 76-90, 66-75, 51-65, 0-50.
    CHECK(means("permendagri-86-2017") == std::vector<double>{95.5, 83, 70.5, 58, 25});
    // Seed 000's 92,5 / 77,5 / 62,5 / 27,5.
    CHECK(means("empat-kategori") == std::vector<double>{92.5, 77.5, 62.5, 27.5});
    CHECK(means("sakip-88-2021") == std::vector<double>{95, 85, 75, 65, 55, 40, 15});
}

TEST_CASE("tabel_nilai_tengah: the class means beside an average, said to be the other method's") {
    const std::string plain = test::chapter_markdown(test::minimal_toml(), 3);
    CHECK(plain.find("Nilai Tengah") == std::string::npos);
    const std::string text = test::replaced(test::minimal_toml(), "[pemda.kepala]",
                                            "[pengaturan]\ntabel_nilai_tengah = true\n\n[pemda.kepala]");
    const std::string md = test::chapter_markdown(text, 3);
    CHECK(md.find("| Nilai Tengah |") != std::string::npos);
    CHECK(md.find("| 82,5 |") != std::string::npos);
    CHECK(md.find("metode rata-rata data kelompok") != std::string::npos);
    CHECK(md.find("Capaian sasaran dalam laporan ini dihitung sebagai rata-rata capaian indikatornya.") != std::string::npos);
    // With data-kelompok the column is the method's own and needs no such sentence.
    const std::string grouped = test::replaced(test::minimal_toml(), "[pemda.kepala]",
                                               "[pengaturan]\nmetode_sasaran = \"data-kelompok\"\n\n[pemda.kepala]");
    const std::string gmd = test::chapter_markdown(grouped, 3);
    CHECK(gmd.find("| Nilai Tengah |") != std::string::npos);
    CHECK(gmd.find("Capaian sasaran dalam laporan ini dihitung sebagai rata-rata") == std::string::npos);
    // A custom scale without means cannot print them.
    const std::string kustom = test::replaced(
        test::minimal_toml(), "[pemda.kepala]",
        "[pengaturan]\ntabel_nilai_tengah = true\nskala = \"kustom\"\n[[pengaturan.kategori]]\ndi_atas = 50\npredikat = \"Baik\"\n"
        "[[pengaturan.kategori]]\npredikat = \"Kurang\"\n\n[pemda.kepala]");
    const std::string msg = test::load_messages(kustom);
    CHECK(msg.find("tabel_nilai_tengah = true needs a `nilai_tengah` for every category") != std::string::npos);
    CHECK(msg.find("x.toml:") == 0);
}

TEST_CASE("[iku]: the Lampiran IKU dated as the IKU was fixed, without a decree") {
    auto lampiran_iku = [](const std::string& md) {
        const auto from = md.find("## Lampiran 1.");
        REQUIRE(from != std::string::npos);
        return md.substr(from, md.find("## Lampiran 2.", from) - from);
    };
    CHECK(lampiran_iku(whole_markdown(test::minimal_toml())).find("Pekalongan, 26 Februari 2025") != std::string::npos);
    const std::string text = test::minimal_toml() + "\n[iku]\ntanggal = 2024-12-09\nperubahan = true\n";
    const std::string md = lampiran_iku(whole_markdown(text));
    CHECK(md.find("## Lampiran 1. Indikator Kinerja Utama Perubahan 2021-2026") == 0);
    CHECK(md.find("Pekalongan, 9 Desember 2024") != std::string::npos);
    CHECK(md.find("Pekalongan, 26 Februari 2025") == std::string::npos);
    // Not both: the decree dates its IKU.
    const std::string both = text + "\n[keputusan_iku]\nnomor = \"17\"\ntanggal = 2024-01-05\nmenimbang = [\"a\"]\n";
    const std::string msg = test::load_messages(both);
    CHECK(msg.find("[iku] dates an IKU fixed without a decree, but the data has [keputusan_iku]") != std::string::npos);
    // An IKU fixed after the report is warned about; `tanggal` is required.
    const std::string late = test::minimal_toml() + "\n[iku]\ntanggal = 2025-03-01\n";
    CHECK(test::load_messages(late, true).find("the IKU is dated 1 Maret 2025, after the report") != std::string::npos);
    CHECK(test::load_messages(test::minimal_toml() + "\n[iku]\nperubahan = true\n").find("tanggal") != std::string::npos);
    CHECK(test::load_messages(test::minimal_toml() + "\n[iku]\ntanggal = 2024-12-09\nnomor = \"1\"\n").find("nomor") !=
          std::string::npos);
}

TEST_CASE("nama_renstra: the Renstra's wording printed beside the name in the Renstra table") {
    std::string text = test::replaced(test::minimal_toml(), "uraian = \"Meningkatnya akuntabilitas\"",
                                      "uraian = \"Meningkatnya akuntabilitas\"\nnama_renstra = \"Meningkatnya akuntabilitas kinerja\"");
    text = test::replaced(text, "nama = \"Nilai ekspor\"", "nama = \"Nilai ekspor\"\nnama_renstra = \"Jumlah Nilai Ekspor\"");
    const std::string md = test::chapter_markdown(text, 2);
    CHECK(md.find("Sasaran: Meningkatnya akuntabilitas<br>(Renstra: Meningkatnya akuntabilitas kinerja)") != std::string::npos);
    CHECK(md.find("Nilai ekspor<br>(Renstra: Jumlah Nilai Ekspor)") != std::string::npos);
    CHECK(md.find("Rumusan Renstra ditulis dalam kurung") != std::string::npos);
    // Only there: the PK and BAB III keep the one name.
    CHECK(count_of(md, "Jumlah Nilai Ekspor") == 1);
    CHECK(test::chapter_markdown(text, 3).find("Jumlah Nilai Ekspor") == std::string::npos);
    CHECK(test::chapter_markdown(test::minimal_toml(), 2).find("Rumusan Renstra") == std::string::npos);
}

TEST_CASE("foto without berkas: the caption listed as an activity documented, no empty figure") {
    const std::string text = test::replaced(test::minimal_toml(), "analisis = \"Tercapai.\"",
                                            "analisis = \"Tercapai.\"\n[[renstra.sasaran.foto]]\nketerangan = \"Apel Barang Milik Daerah\"\n"
                                            "[[renstra.sasaran.foto]]\nketerangan = \"Pelatihan Ekspor\"");
    const std::string md = test::chapter_markdown(text, 3);
    CHECK(md.find("**Dokumentasi kegiatan**\n\nKegiatan pendukung sasaran ini yang didokumentasikan:\n\n- Apel Barang Milik "
                  "Daerah\n- Pelatihan Ekspor\n") != std::string::npos);
    CHECK(count_of(md, "**Dokumentasi kegiatan**") == 1);
    CHECK(md.find("![") == std::string::npos);
    // A caption is still required.
    const std::string bare = test::replaced(test::minimal_toml(), "analisis = \"Tercapai.\"",
                                            "analisis = \"Tercapai.\"\n[[renstra.sasaran.foto]]\nberkas = \"x.png\"");
    CHECK(test::load_messages(bare).find("keterangan") != std::string::npos);
}
