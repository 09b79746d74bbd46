# The message catalogues (issue 19, common/i18n.hpp, docs/i18n.md): po/id.po, compiled by msgfmt
# (Debian package gettext) into build/locale/id/LC_MESSAGES/lkjip.mo, where a binary of the build
# tree finds it, and installed under <prefix>/share/locale beside the data. --check refuses a
# catalogue with a broken header or entry, so a slip in id.po fails the build, not a user's run.
# po/parts/*.po, when a change under way keeps its new messages apart, are joined to id.po first
# (msgcat); docs/i18n.md says how they are folded into id.po.
find_program(MSGFMT_EXECUTABLE msgfmt REQUIRED)
find_program(MSGCAT_EXECUTABLE msgcat REQUIRED)
set(LKJIP_CATALOGUES "")
foreach(lang id)
  file(GLOB parts CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/po/parts/*.po)
  set(po ${CMAKE_SOURCE_DIR}/po/${lang}.po)
  set(joined ${CMAKE_BINARY_DIR}/po/${lang}.po)
  set(mo ${CMAKE_BINARY_DIR}/locale/${lang}/LC_MESSAGES/lkjip.mo)
  add_custom_command(OUTPUT ${mo}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/po ${CMAKE_BINARY_DIR}/locale/${lang}/LC_MESSAGES
    COMMAND ${MSGCAT_EXECUTABLE} --use-first -o ${joined} ${po} ${parts}
    COMMAND ${MSGFMT_EXECUTABLE} --check -o ${mo} ${joined}
    DEPENDS ${po} ${parts}
    COMMENT "message catalogue ${lang}"
    VERBATIM)
  list(APPEND LKJIP_CATALOGUES ${mo})
  install(FILES ${mo} DESTINATION ${CMAKE_INSTALL_LOCALEDIR}/${lang}/LC_MESSAGES)
endforeach()
add_custom_target(lkjip_catalogues ALL DEPENDS ${LKJIP_CATALOGUES})
