#include "common/i18n.hpp"

#include <clocale>
#include <cstdlib>
#include <cstring>
#include <libintl.h>

#include "common/data_dir.hpp"

namespace lkjip::i18n {

namespace {

constexpr const char* kDomain = "lkjip";

Bahasa g_bahasa = Bahasa::en;

// "id", "id_ID", "id_ID.UTF-8", "id@..." name Indonesian; "ido" (Ido) does not.
bool names_language(std::string_view locale, std::string_view code) {
    if (locale.substr(0, code.size()) != code) return false;
    if (locale.size() == code.size()) return true;
    const char next = locale[code.size()];
    return next == '_' || next == '.' || next == '@' || next == '-';
}

std::string_view env(const char* name) {
    const char* v = std::getenv(name);
    return v != nullptr ? std::string_view(v) : std::string_view();
}

// The order gettext reads (GNU gettext manual §2.3.3): LANGUAGE, a priority list, wins over the
// locale; then the first of LC_ALL, LC_MESSAGES, LANG that is set. lkjip has two catalogues, so
// the first entry of LANGUAGE that names one of them decides.
Bahasa from_environment() {
    std::string_view list = env("LANGUAGE");
    while (!list.empty()) {
        const std::size_t colon = list.find(':');
        const std::string_view entry = list.substr(0, colon);
        if (names_language(entry, "id")) return Bahasa::id;
        if (names_language(entry, "en") || entry == "C" || entry == "POSIX") return Bahasa::en;
        if (colon == std::string_view::npos) break;
        list.remove_prefix(colon + 1);
    }
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const std::string_view v = env(name);
        if (!v.empty()) return names_language(v, "id") ? Bahasa::id : Bahasa::en;
    }
    return Bahasa::en;
}

// Indonesian through libc's gettext. A machine (a container, a CI runner) often has no id_ID
// locale generated; LANGUAGE then still selects the catalogue as long as LC_MESSAGES is not the
// "C" locale, which glibc keeps untranslated on purpose, so C.UTF-8 (built into glibc) stands in.
// Only LC_MESSAGES is set: numbers and dates are written by lkjip itself, never by the locale.
bool bind_indonesian() {
    const std::string dir = find_locale_dir();
    if (dir.empty()) return false;
    ::setenv("LANGUAGE", "id", 1);
    const char* set = std::setlocale(LC_MESSAGES, "");
    if (set == nullptr || std::strcmp(set, "C") == 0 || std::strcmp(set, "POSIX") == 0) std::setlocale(LC_MESSAGES, "C.UTF-8");
    if (::bindtextdomain(kDomain, dir.c_str()) == nullptr) return false;
    ::bind_textdomain_codeset(kDomain, "UTF-8");
    return true;
}

}  // namespace

bool choose(std::string_view word) {
    Bahasa b = Bahasa::en;
    if (word == "id") {
        b = Bahasa::id;
    } else if (word == "en") {
        b = Bahasa::en;
    } else if (word.empty()) {
        b = from_environment();
    } else {
        return false;
    }
    // Without its catalogue (a broken installation), lkjip speaks English rather than nothing.
    g_bahasa = b == Bahasa::id && bind_indonesian() ? Bahasa::id : Bahasa::en;
    return true;
}

Bahasa current() { return g_bahasa; }

const char* tr(const char* msgid) {
    if (g_bahasa == Bahasa::en || msgid == nullptr || *msgid == '\0') return msgid;
    return ::dgettext(kDomain, msgid);
}

const char* tr_plural(const char* singular, const char* plural, unsigned long n) {
    if (g_bahasa == Bahasa::en) return n == 1 ? singular : plural;
    return ::dngettext(kDomain, singular, plural, n);
}

namespace detail {

// A translation whose braces do not match the English (a slip in po/id.po that tests/e2e/i18n.sh
// catches) falls back to the English message rather than losing it.
std::string format_translated(fmt::string_view msgid, fmt::format_args args) {
    const std::string key(msgid.data(), msgid.size());
    const char* translated = tr(key.c_str());
    if (translated != key.c_str()) {
        try {
            return fmt::vformat(translated, args);
        } catch (const fmt::format_error&) {
        }
    }
    return fmt::vformat(msgid, args);
}

std::string format_translated_plural(fmt::string_view singular, fmt::string_view plural, unsigned long n,
                                     fmt::format_args args) {
    const std::string one(singular.data(), singular.size());
    const std::string many(plural.data(), plural.size());
    const char* translated = tr_plural(one.c_str(), many.c_str(), n);
    if (translated != one.c_str() && translated != many.c_str()) {
        try {
            return fmt::vformat(translated, args);
        } catch (const fmt::format_error&) {
        }
    }
    return fmt::vformat(n == 1 ? singular : plural, args);
}

}  // namespace detail

}  // namespace lkjip::i18n
