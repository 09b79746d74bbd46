#include "layout/fonts.hpp"

#include <cstdlib>
#include <memory>
#include <mutex>

namespace lkjip::layout {

namespace {

constexpr const char* kLiberation = "/usr/share/fonts/truetype/liberation2/";
constexpr const char* kDejaVu = "/usr/share/fonts/truetype/dejavu/";

std::unique_ptr<FontBook> load_book(bool sans, std::string& error) {
    auto book = std::make_unique<FontBook>();
    for (const auto& file : font_files(sans)) {
        const std::string path = font_path(file);
        auto m = FontMetrics::load(path, error);
        if (!m) return nullptr;
        book->metrics.push_back(std::move(*m));
        book->fonts.push_back(page::Font{file.substr(0, file.size() - 4), path});
    }
    // Face::mono is FontBook::kMono: inline code is set in it like the other faces.
    for (int f = 0; f < 6; ++f) book->set.faces[f] = &book->metrics[static_cast<std::size_t>(f)];
    for (std::size_t f = 0; f < 6; ++f) book->ids.ids[f] = f;
    return book;
}

}  // namespace

std::vector<std::string> font_files(bool sans) {
    const std::string family = sans ? "LiberationSans-" : "LiberationSerif-";
    return {family + "Regular.ttf", family + "Bold.ttf", family + "Italic.ttf",
            family + "BoldItalic.ttf", "DejaVuSans.ttf", "LiberationMono-Regular.ttf"};
}

std::string font_path(const std::string& file) {
    const char* override_dir = std::getenv("LKJIP_FONT_DIR");
    if (override_dir && *override_dir) return std::string(override_dir) + "/" + file;
    return (file.rfind("DejaVu", 0) == 0 ? kDejaVu : kLiberation) + file;
}

const FontBook* font_book(bool sans, std::string& error) {
    // Fonts are read once per process and shared read-only by every document (lkjip batch sets
    // many documents in parallel threads).
    static std::mutex mutex;
    static std::unique_ptr<FontBook> books[2];
    static std::string errors[2];
    const std::lock_guard<std::mutex> lock(mutex);
    auto& book = books[sans ? 1 : 0];
    if (!book && errors[sans ? 1 : 0].empty()) book = load_book(sans, errors[sans ? 1 : 0]);
    if (!book) error = errors[sans ? 1 : 0];
    return book.get();
}

}  // namespace lkjip::layout
