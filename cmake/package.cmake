# Installing borderlab and packaging it for Debian (scripts/package):
# the binary (templates, catalogues and the default pack are embedded in
# it), the default pack as files an instructor can read and copy, the
# guides, a manual page made from the program's own --help, and a desktop
# entry with its icon. The package's dependencies are the Debian packages
# of the libraries the binary links (dpkg-shlibdeps) and the fonts it reads.
include(GNUInstallDirs)

install(TARGETS borderlab RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${CMAKE_SOURCE_DIR}/scenarios/ DESTINATION ${CMAKE_INSTALL_DATADIR}/borderlab/scenarios
        FILES_MATCHING PATTERN "*.lua" PATTERN "README.md")
install(DIRECTORY ${CMAKE_SOURCE_DIR}/docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}
        FILES_MATCHING PATTERN "*.md" PATTERN "*.png" PATTERN "input" EXCLUDE)
install(FILES ${CMAKE_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES ${CMAKE_SOURCE_DIR}/assets/desktop/borderlab.desktop
              ${CMAKE_SOURCE_DIR}/assets/desktop/borderlab-workstation.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${CMAKE_SOURCE_DIR}/assets/desktop/borderlab.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)

# borderlab(1), from `borderlab help` and each command's --help, gzipped as
# Debian's policy wants (-n: no name or time in it, so builds are reproducible)
set(BL_MAN ${CMAKE_BINARY_DIR}/man/borderlab.1)
add_custom_command(
  OUTPUT ${BL_MAN}.gz
  COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/man
  COMMAND ${CMAKE_COMMAND} -E env ASAN_OPTIONS=detect_leaks=0
          ${CMAKE_COMMAND} -DBL=$<TARGET_FILE:borderlab> -DOUT=${BL_MAN}
          -DVERSION=${PROJECT_VERSION} -P ${CMAKE_SOURCE_DIR}/cmake/manpage.cmake
  COMMAND gzip -9nf ${BL_MAN}
  DEPENDS borderlab ${CMAKE_SOURCE_DIR}/cmake/manpage.cmake
  COMMENT "Writing borderlab(1) from --help")
add_custom_target(manpage ALL DEPENDS ${BL_MAN}.gz)
install(FILES ${BL_MAN}.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME borderlab)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "borderlab maintainers <maintainers@borderlab.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "training simulator for document examination and border procedures")
set(CPACK_PACKAGE_DESCRIPTION
    "Border and immigration officers practise examining travel documents under\n\
visible, UV, IR, oblique and transmitted light, checking the MRZ, interviewing\n\
travelers and deciding with respect for human rights. Instructors write\n\
scenarios in Lua; academies run signed, timed certification sessions.")
set(CPACK_DEBIAN_PACKAGE_SECTION education)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-dejavu-core, fonts-ocr-b, fonts-noto-core")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
include(CPack)
