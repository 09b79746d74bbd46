# Installation (issue 19): GNUInstallDirs layout, so that `cmake --install build --prefix P` gives
#   P/bin/lkjip                                    the executable
#   P/share/lkjip/templates/{lkjip,pk,iku,init}/   the built-in templates and the init file
#   P/share/lkjip/fonts/README.md                  which Debian font files lkjip sets text in
#   P/share/man/man1/lkjip*.1.gz                   the man pages (docs/man/*.scd, through scdoc)
#   P/share/bash-completion/completions/lkjip      bash completion
#   P/share/doc/lkjip/                             README, docs, the samples
# and `cpack -G DEB` the Debian 12 package of the same files under /usr.

# Installing (and cpack, which installs) never rebuilds: the tests install the build tree while
# other tests run its binary, which a relink under them would change.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)

install(TARGETS lkjip RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${CMAKE_SOURCE_DIR}/templates/ DESTINATION ${CMAKE_INSTALL_DATADIR}/lkjip/templates)
install(FILES ${CMAKE_SOURCE_DIR}/fonts/README.md DESTINATION ${CMAKE_INSTALL_DATADIR}/lkjip/fonts)
install(FILES ${CMAKE_SOURCE_DIR}/packaging/lkjip.bash-completion
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME lkjip)
install(FILES ${CMAKE_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY ${CMAKE_SOURCE_DIR}/docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs PATTERN "man" EXCLUDE)
install(DIRECTORY ${CMAKE_SOURCE_DIR}/samples/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/samples)

# Man pages: scdoc (Debian package scdoc) turns docs/man/NAME.1.scd into troff, gzip -n keeps the
# package reproducible (no time stamp in the .gz header; Debian policy 12.1 wants them compressed).
find_program(SCDOC_EXECUTABLE scdoc REQUIRED)
find_program(GZIP_EXECUTABLE gzip REQUIRED)
file(GLOB LKJIP_MAN_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/docs/man/*.scd)
set(LKJIP_MAN_PAGES "")
foreach(scd ${LKJIP_MAN_SOURCES})
  get_filename_component(page ${scd} NAME_WLE)  # lkjip-build.1
  set(out ${CMAKE_BINARY_DIR}/man/${page}.gz)
  add_custom_command(OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/man
    COMMAND ${CMAKE_COMMAND} -DSCDOC=${SCDOC_EXECUTABLE} -DGZIP=${GZIP_EXECUTABLE} -DSCD=${scd}
            -DOUT=${CMAKE_BINARY_DIR}/man/${page} -P ${CMAKE_SOURCE_DIR}/cmake/man_page.cmake
    DEPENDS ${scd} ${CMAKE_SOURCE_DIR}/cmake/man_page.cmake
    COMMENT "man page ${page}"
    VERBATIM)
  list(APPEND LKJIP_MAN_PAGES ${out})
endforeach()
add_custom_target(lkjip_man ALL DEPENDS ${LKJIP_MAN_PAGES})
install(FILES ${LKJIP_MAN_PAGES} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

# The Debian package. Library dependencies come from dpkg-shlibdeps (the versions Debian 12 ships);
# the data packages lkjip opens by path are named here: the Indonesian hyphenation patterns and the
# fonts (fonts/README.md).
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME lkjip)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "lkjip developers <lkjip@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "performance reports (LKjIP, PK, IKU) of Indonesian government agencies")
set(CPACK_PACKAGE_DESCRIPTION "lkjip writes the annual LKjIP (Laporan Kinerja Instansi Pemerintah), the
Perjanjian Kinerja and the Keputusan penetapan IKU of a dinas from one TOML data file, with every
figure computed and checked, typeset to PDF.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "hyphen-id, fonts-liberation2, fonts-dejavu-core")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "bash-completion, man-db")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
include(CPack)
