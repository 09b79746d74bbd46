// The users' language (issue 19): every message, hint and help text lkjip prints is written in
// English in the source and translated through GNU gettext (Debian's libc gettext and the
// catalogue built from po/id.po). The people who run lkjip are Indonesian planners, so Indonesian
// is chosen by `--bahasa id` or by a locale whose language is Indonesian (LANGUAGE, LC_ALL,
// LC_MESSAGES, LANG, the order gettext reads them in); English otherwise. docs/i18n.md says how a
// message is written and translated.
//
// The marks are the ones xgettext is told to extract (cmake/i18n.cmake, tests/e2e/i18n.sh):
//   _("text")                      a message without values (const char*)
//   _f("text {} and {}", a, b)     an fmt format, checked against its arguments at compile time;
//                                  the translation is formatted with the same arguments
//   _n("one file", "{} files", n)  singular and plural, n chosen by the catalogue's plural rule
//                                  (Indonesian has one form); formatted with n
//   N_("text")                     marked for the catalogue, translated later with _() at its use
#pragma once

#include <string>
#include <string_view>

#include <fmt/format.h>

namespace lkjip::i18n {

enum class Bahasa { en, id };

// The language of the messages, from `--bahasa` (its word, "" when the option was not given) or
// else the locale environment. Called once, by main, before anything is printed; returns false
// (and leaves English) when `word` is neither "id" nor "en".
bool choose(std::string_view word);
Bahasa current();

// The words `--bahasa` accepts, for the command line's check and its help.
inline constexpr std::string_view kWords[] = {"id", "en"};

// The translation of a message, or the message itself in English or when it has none.
const char* tr(const char* msgid);
const char* tr_plural(const char* singular, const char* plural, unsigned long n);

namespace detail {
std::string format_translated(fmt::string_view msgid, fmt::format_args args);
std::string format_translated_plural(fmt::string_view singular, fmt::string_view plural, unsigned long n,
                                     fmt::format_args args);
}  // namespace detail

template <typename... T>
std::string format(fmt::format_string<T...> msgid, T&&... args) {
    return detail::format_translated(fmt::string_view(msgid), fmt::make_format_args(args...));
}

template <typename... T>
std::string format_plural(fmt::format_string<unsigned long, T...> singular, fmt::format_string<unsigned long, T...> plural,
                          unsigned long n, T&&... args) {
    return detail::format_translated_plural(fmt::string_view(singular), fmt::string_view(plural), n, fmt::make_format_args(n, args...));
}

}  // namespace lkjip::i18n

#define _(msgid) ::lkjip::i18n::tr(msgid)
#define _f(...) ::lkjip::i18n::format(__VA_ARGS__)
#define _n(singular, plural, ...) ::lkjip::i18n::format_plural(singular, plural, __VA_ARGS__)
#define N_(msgid) msgid
