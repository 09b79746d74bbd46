// Cross-reference checks of a loaded model: what the types alone cannot say. Each failure is an
// error (the report cannot be produced from such data); warnings live in lint.cpp.
#include <map>
#include <set>

#include <fmt/format.h>

#include "common/file_read.hpp"
#include "common/i18n.hpp"
#include "common/image_info.hpp"
#include "compute/expression.hpp"
#include "data/load_model.hpp"

namespace lkjip::data {

namespace {

// Records ids of one kind and reports duplicates, pointing at both places.
class IdSet {
public:
    IdSet(std::string kind, Diagnostics& diags) : kind_(std::move(kind)), diags_(diags) {}
    void add(const Text& id) {
        if (id.value.empty()) return;
        auto [it, fresh] = seen_.emplace(id.value, id.pos);
        if (!fresh) {
            diags_.error(id.pos, _f("duplicate {} `{}`", kind_, id.value),
                         _f("first defined at {}", it->second.str()));
        }
    }
    [[nodiscard]] bool contains(const std::string& id) const { return seen_.count(id) > 0; }
    [[nodiscard]] std::vector<std::string> names() const {
        std::vector<std::string> out;
        for (const auto& [k, v] : seen_) out.push_back(k);
        return out;
    }
    // Reports `ref` when it names no id of this kind.
    void require(const Text& ref, const std::string& what) const {
        if (ref.value.empty() || contains(ref.value)) return;
        const std::string near = closest_match(ref.value, names());
        diags_.error(ref.pos, _f("{} refers to {} `{}`, which does not exist", what, kind_, ref.value),
                     near.empty() ? std::string{} : _f("did you mean `{}`?", near));
    }

private:
    std::string kind_;
    Diagnostics& diags_;
    std::map<std::string, SourcePos> seen_;
};

void check_units(const Organisasi& org, Diagnostics& diags) {
    IdSet ids("unit", diags);
    for (const auto& u : org.units) ids.add(u.id);
    int roots = 0;
    std::map<std::string, std::string> parent;
    for (const auto& u : org.units) {
        if (!u.induk) {
            if (++roots == 2) diags.error(u.id.pos, _("the organisation has more than one root unit (a unit without `induk`)"));
            continue;
        }
        ids.require(*u.induk, fmt::format("unit `{}`", u.id.value));
        parent[u.id.value] = u.induk->value;
    }
    if (!org.units.empty() && roots == 0) {
        diags.error(org.units.front().id.pos, _("the organisation has no root unit (the kepala, without `induk`)"));
    }
    // Walking up from every unit must end at the root. Each unit is walked once: a walk stops at
    // a unit already settled, so the check is linear (walking the whole chain from every unit
    // took 33 s for 16 000 units, issue 18), and it is a loop, not a recursion.
    enum class State : unsigned char { unseen, on_path, fine, cyclic };
    std::map<std::string, State> state;
    std::vector<const std::string*> path;
    for (const auto& u : org.units) {
        path.clear();
        const std::string* at = &u.id.value;
        State end = State::fine;
        for (;;) {
            State& s = state[*at];
            if (s == State::fine || s == State::cyclic) {
                end = s;
                break;
            }
            if (s == State::on_path) {  // back on this walk's own path: a cycle
                end = State::cyclic;
                break;
            }
            s = State::on_path;
            path.push_back(at);
            const auto p = parent.find(*at);
            if (p == parent.end()) break;  // the root, or a missing induk (reported above)
            at = &p->second;
        }
        for (const std::string* id : path) state[*id] = end;
        if (end == State::cyclic) {
            diags.error(u.id.pos, _f("unit `{}` is its own ancestor (a cycle of `induk`)", u.id.value));
        }
    }
    // Depth below the root, each unit computed once from its parent's (units of a cycle skipped).
    // An OPD has four or five levels (kepala, sekretariat or bidang, subbagian or seksi, a UPT and
    // its subbagian: Permendagri 12/2017 and the perda of the seeds); a chain far deeper is a
    // mistake in `induk`, and the report's organisation list could not be set (issue 18).
    constexpr int kMaxUnitDepth = 12;
    std::map<std::string, int> depth;
    for (const auto& u : org.units) {
        path.clear();
        const std::string* at = &u.id.value;
        int base = 0;
        for (;;) {
            if (state[*at] == State::cyclic) break;
            if (const auto d = depth.find(*at); d != depth.end()) {
                base = d->second + 1;
                break;
            }
            path.push_back(at);
            const auto p = parent.find(*at);
            if (p == parent.end()) break;
            at = &p->second;
        }
        if (state[*at] == State::cyclic) continue;
        for (auto it = path.rbegin(); it != path.rend(); ++it) depth[**it] = base++;
        if (depth[u.id.value] > kMaxUnitDepth) {
            diags.error(u.id.pos, _f("unit `{}` is {} levels below the root; an organisation has at most {}",
                                              u.id.value, depth[u.id.value], kMaxUnitDepth),
                        _("check its `induk` and those above it"));
            return;
        }
    }
}

// A missing, unreadable or damaged image is an error at the key that names it (issue 6, issue 18
// class 11): the header is read here exactly as the layout reads it (common/image_info.hpp), so
// an image `check` accepts is one the layout can place.
void check_image(const Text& path, Diagnostics& diags) {
    const FileContents file = read_regular_file(path.value, kMaxImageBytes, _("image"));
    if (!file.ok()) {
        diags.error(path.pos, file.error == FileError::not_found ? _f("image `{}` cannot be read", path.value) : file.message);
        return;
    }
    std::string error;
    if (!image_info_of(file.bytes, path.value, error)) diags.error(path.pos, error);
}

void check_indicator_formula(const Indicator& ind, Diagnostics& diags) {
    IdSet comps(_f("komponen of indikator {}", ind.id.value), diags);
    for (const auto& c : ind.komponen) comps.add(c.id);
    if (!ind.rumus) {
        if (!ind.komponen.empty()) {
            diags.error(ind.komponen.front().id.pos,
                        _f("indikator `{}` has komponen but no `rumus` to combine them", ind.id.value));
        }
        return;
    }
    // The value's column is its opening quote; offsets inside a one-line string follow it.
    const auto at = [&](std::size_t offset) {
        SourcePos p = ind.rumus->pos;
        p.column += static_cast<std::uint32_t>(offset + 1);
        return p;
    };
    expr::Error error;
    const auto names = expr::variables(ind.rumus->value, &error);
    if (!error.message.empty()) {
        diags.error(at(error.offset), _f("rumus of indikator `{}`: {}", ind.id.value, error.message));
        return;
    }
    for (const auto& n : names) {
        if (!comps.contains(n)) {
            const std::string near = closest_match(n, comps.names());
            diags.error(ind.rumus->pos,
                        _f("rumus of indikator `{}` uses `{}`, which is not one of its komponen", ind.id.value, n),
                        near.empty() ? std::string{} : _f("did you mean `{}`?", near));
        }
    }
}

struct ActivityCheck {
    Diagnostics& diags;
    const IdSet& sasaran;
    IdSet codes;
    int leaves_with_realisasi = 0, leaves_without = 0;
    const Activity* first_without = nullptr;
    const Activity* first_with = nullptr;

    void visit(const Activity& a, const Activity* parent) {
        codes.add(a.kode);
        if (parent && !a.kode.value.starts_with(parent->kode.value + ".")) {
            diags.error(a.kode.pos, _f("kode `{}` does not start with the kode of its parent `{}`",
                                                a.kode.value, parent->kode.value),
                        _("kode follow Permendagri 90/2019: program 2.17.03, kegiatan 2.17.03.1.01, sub 2.17.03.1.01.0001"));
        }
        if (a.sasaran) {
            for (const auto& s : *a.sasaran) sasaran.require(s, fmt::format("{} {}", a.level == ActivityLevel::program ? "program" : a.level == ActivityLevel::kegiatan ? "kegiatan" : "sub kegiatan", a.kode.value));
        }
        if (a.children.empty() && a.level != ActivityLevel::program) {
            if (a.realisasi) {
                ++leaves_with_realisasi;
                if (!first_with) first_with = &a;
            } else {
                ++leaves_without;
                if (!first_without) first_without = &a;
            }
        }
        for (const auto& c : a.children) visit(c, &a);
    }
};

}  // namespace

void validate_references(const AgencyYear& m, Diagnostics& diags) {
    IdSet tujuan("tujuan", diags), sasaran("sasaran", diags), indikator("indikator", diags);
    for (const auto& t : m.renstra.tujuan) {
        tujuan.add(t.id);
        if (t.misi && t.misi->value > static_cast<int>(m.renstra.misi.size())) {
            diags.error(t.misi->pos, _f("tujuan `{}` serves misi {}, but the Renstra has {} misi", t.id.value,
                                                 t.misi->value, m.renstra.misi.size()));
        }
    }
    for (const auto& s : m.renstra.sasaran) {
        sasaran.add(s.id);
        tujuan.require(s.tujuan, fmt::format("sasaran `{}`", s.id.value));
        for (const auto& f : s.foto) {
            if (f.berkas) check_image(*f.berkas, diags);
        }
    }
    for (const auto& ind : m.indikator) {
        indikator.add(ind.id);
        (ind.owner_kind == OwnerKind::tujuan ? tujuan : sasaran).require(ind.owner, fmt::format("indikator `{}`", ind.id.value));
        check_indicator_formula(ind, diags);
    }
    check_units(m.organisasi, diags);

    IdSet urusan("urusan", diags);
    for (const auto& u : m.urusan) urusan.add(u.kode);
    ActivityCheck check{diags, sasaran, IdSet("kode", diags)};
    for (const auto& p : m.program) {
        check.visit(p, nullptr);
        if (p.urusan) urusan.require(*p.urusan, fmt::format("program {}", p.kode.value));
    }
    if (check.leaves_with_realisasi > 0 && check.leaves_without > 0) {
        diags.error(check.first_without->pos,
                    _f("{} {} has no `realisasi`, but {} other budget items have one",
                                check.first_without->level == ActivityLevel::kegiatan ? "kegiatan" : "sub kegiatan",
                                check.first_without->kode.value, check.leaves_with_realisasi),
                    _("give realisasi on every leaf (0 when nothing was spent), or on none for a plan"));
    }
    // A PK binds two parties (PermenPANRB 53/2014, Lampiran II): without the kepala daerah it
    // would be a PK signed by one side, which no reviewer accepts (issue 13).
    if (m.pk && !m.pemda.kepala) {
        diags.error(m.pk->pos, _("[pk] needs the kepala daerah who signs it as PIHAK KEDUA: [pemda.kepala] is missing"),
                    _("add [pemda.kepala] with `jabatan` and `nama` (in the shared _pemda.toml, for instance)"));
    }
    if (m.pk && m.pk->perubahan && m.pk->tanggal.value.year != 0 && m.pk->perubahan->tanggal.value.year != 0) {
        const auto key = [](const Date& d) { return d.year * 10000 + d.month * 100 + d.day; };
        if (key(m.pk->perubahan->tanggal.value) < key(m.pk->tanggal.value)) {
            diags.error(m.pk->perubahan->tanggal.pos, _("the PK Perubahan is dated before the PK it revises"));
        }
    }
    for (const auto* logo : {&m.pemda.logo, &m.instansi.logo}) {
        if (*logo) check_image(**logo, diags);
    }
    for (const auto* list : {&m.prestasi, &m.inovasi}) {
        for (const auto& a : *list) {
            if (a.foto) check_image(*a.foto, diags);
        }
    }
}

}  // namespace lkjip::data
