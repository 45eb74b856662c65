# assets/packaging/packaging.cmake — install layout shared by the modules, the version header and the two
# Debian packages (CPack DEB, one component each):
#   buurtkaart-kiosk  component "kiosk":      bin/buurtkaart-kiosk, bin/feedcheck, share/buurtkaart/ (tiles,
#                     sample feed), systemd units, libexec/buurtkaart/kiosk-display, /etc/buurtkaart/
#   wijkagenda        component "wijkagenda": bin/wijkagenda, the build service + timer, the nginx site,
#                     share/wijkagenda/sample/ (the sample sources)
# Build them:  cmake -B build -DCMAKE_INSTALL_PREFIX=/usr && cmake --build build -j2 && (cd build && cpack -G DEB)
# -> build/packages/*.deb. Paths in units and scripts follow the configured prefix.
include(GNUInstallDirs)

# ---- version header (buurtkaart_version.hpp: BUURTKAART_VERSION) ------------------------------------
configure_file(${CMAKE_CURRENT_LIST_DIR}/buurtkaart_version.hpp.in ${CMAKE_BINARY_DIR}/generated/buurtkaart_version.hpp @ONLY)
add_library(buurtkaart_version INTERFACE)
target_include_directories(buurtkaart_version INTERFACE ${CMAKE_BINARY_DIR}/generated)
# Through buurtkaart_data (the feed updater's User-Agent) every kiosk and publisher target sees it.
target_link_libraries(buurtkaart_data PUBLIC buurtkaart_version)

# ---- paths ------------------------------------------------------------------------------------------
# /etc for the prefix /usr, as GNUInstallDirs and Debian do. Written relative ("../etc") so that
# `cmake --install build --prefix DIR/usr` stays inside DIR (DIR/etc) and never writes the real /etc;
# kiosk/asset_paths.cpp looks for the drop-ins by the same rule. Other prefixes: <prefix>/etc.
get_filename_component(_bk_prefix_name "${CMAKE_INSTALL_PREFIX}" NAME)
if(_bk_prefix_name STREQUAL "usr")
  set(BK_SYSCONF_DEST ../etc)
  get_filename_component(BK_SYSCONFDIR "${CMAKE_INSTALL_PREFIX}/../etc" ABSOLUTE)
else()
  set(BK_SYSCONF_DEST ${CMAKE_INSTALL_SYSCONFDIR})
  set(BK_SYSCONFDIR ${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_SYSCONFDIR})
endif()
set(BK_PREFIX ${CMAKE_INSTALL_PREFIX})
set(BK_BINDIR ${CMAKE_INSTALL_FULL_BINDIR})
set(BK_LIBEXECDIR ${CMAKE_INSTALL_FULL_LIBEXECDIR}/buurtkaart)
set(BK_STATEDIR ${CMAKE_INSTALL_FULL_LOCALSTATEDIR}/lib/buurtkaart)   # settings + PIN hash (kiosk user)
set(BK_CACHEDIR ${CMAKE_INSTALL_FULL_LOCALSTATEDIR}/cache/buurtkaart)  # tile and feed caches
set(BK_WA_STATEDIR ${CMAKE_INSTALL_FULL_LOCALSTATEDIR}/lib/wijkagenda)
set(BK_WA_WEBROOT /srv/wijkagenda)    # the nginx site's root (assets/publish/nginx-wijkagenda.conf)
set(BK_UNITDIR lib/systemd/system)    # <prefix>/lib/systemd/system = /usr/lib/systemd/system (Debian)
set(BK_GEN ${CMAKE_BINARY_DIR}/packaging)
set(BK_SYSTEMD_SRC ${CMAKE_SOURCE_DIR}/kiosk/systemd)
set(BK_PUBLISH_SRC ${CMAKE_SOURCE_DIR}/assets/publish)

# ---- kiosk component --------------------------------------------------------------------------------
# Units and the display launcher carry @BK_BINDIR@ etc.; they are configured for the chosen prefix.
foreach(_f buurtkaart-kiosk.service buurtkaart-xorg.service)
  configure_file(${BK_SYSTEMD_SRC}/${_f}.in ${BK_GEN}/kiosk/${_f} @ONLY)
  install(FILES ${BK_GEN}/kiosk/${_f} DESTINATION ${BK_UNITDIR} COMPONENT kiosk)
endforeach()
configure_file(${BK_SYSTEMD_SRC}/kiosk-display.in ${BK_GEN}/kiosk/kiosk-display @ONLY
               FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
install(PROGRAMS ${BK_GEN}/kiosk/kiosk-display DESTINATION ${CMAKE_INSTALL_LIBEXECDIR}/buurtkaart COMPONENT kiosk)
install(FILES ${BK_SYSTEMD_SRC}/display.conf DESTINATION ${BK_SYSCONF_DEST}/buurtkaart COMPONENT kiosk)
install(FILES ${BK_SYSTEMD_SRC}/kiosk.d/README DESTINATION ${BK_SYSCONF_DEST}/buurtkaart/kiosk.d COMPONENT kiosk)
install(FILES ${BK_SYSTEMD_SRC}/README.md DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/buurtkaart-kiosk
        RENAME README.systemd.md COMPONENT kiosk)
# The binaries installed with install(PROGRAMS ... RENAME) are stripped here when asked (cpack, --strip).
install(CODE "if(CMAKE_INSTALL_DO_STRIP)
  execute_process(COMMAND ${CMAKE_STRIP} --strip-unneeded \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/buurtkaart-kiosk\")
endif()" COMPONENT kiosk)

# ---- wijkagenda component -----------------------------------------------------------------------------
if(TARGET wijkagenda)
  install(TARGETS wijkagenda RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT wijkagenda)
  # The units in assets/publish name /usr/local/bin/wijkagenda (manual install); the packaged copy
  # points at the configured bindir.
  foreach(_f wijkagenda-build.service wijkagenda-build.timer)
    file(READ ${BK_PUBLISH_SRC}/${_f} _unit)
    string(REPLACE "/usr/local/bin/wijkagenda" "${BK_BINDIR}/wijkagenda" _unit "${_unit}")
    file(GENERATE OUTPUT ${BK_GEN}/wijkagenda/${_f} CONTENT "${_unit}")
    install(FILES ${BK_GEN}/wijkagenda/${_f} DESTINATION ${BK_UNITDIR} COMPONENT wijkagenda)
  endforeach()
  # Until the coordinator has written sources.json, the timer's runs are skipped instead of failing
  # every 5 minutes (a drop-in next to the packaged unit, so assets/publish stays the one unit file).
  file(GENERATE OUTPUT ${BK_GEN}/wijkagenda/50-packaged.conf CONTENT
"# From the wijkagenda package: build only once ${BK_SYSCONFDIR}/wijkagenda/sources.json exists.
[Unit]
ConditionPathExists=${BK_SYSCONFDIR}/wijkagenda/sources.json
")
  install(FILES ${BK_GEN}/wijkagenda/50-packaged.conf DESTINATION ${BK_UNITDIR}/wijkagenda-build.service.d
          COMPONENT wijkagenda)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
               ${BK_PUBLISH_SRC}/wijkagenda-build.service ${BK_PUBLISH_SRC}/wijkagenda-build.timer)
  install(FILES ${BK_PUBLISH_SRC}/nginx-wijkagenda.conf DESTINATION ${BK_SYSCONF_DEST}/nginx/sites-available
          RENAME wijkagenda COMPONENT wijkagenda)
  install(FILES ${BK_PUBLISH_SRC}/sources.sample.json ${BK_PUBLISH_SRC}/sources.sample.toml
                ${BK_PUBLISH_SRC}/venues.csv ${BK_PUBLISH_SRC}/activities.csv
          DESTINATION ${CMAKE_INSTALL_DATADIR}/wijkagenda/sample COMPONENT wijkagenda)
  install(DIRECTORY ${BK_PUBLISH_SRC}/calendars DESTINATION ${CMAKE_INSTALL_DATADIR}/wijkagenda/sample
          COMPONENT wijkagenda)
  # sources.sample.* name "../feed/sample_agenda.ics" (assets/feed in the source tree): same relative place.
  install(FILES ${CMAKE_SOURCE_DIR}/assets/feed/sample_agenda.ics DESTINATION ${CMAKE_INSTALL_DATADIR}/wijkagenda/feed
          COMPONENT wijkagenda)
  if(EXISTS ${CMAKE_SOURCE_DIR}/data/publish/PUBLISHING.md)
    install(FILES ${CMAKE_SOURCE_DIR}/data/publish/PUBLISHING.md DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/wijkagenda
            COMPONENT wijkagenda)
  endif()
endif()

# ---- Debian documentation every package needs (copyright, changelog.gz: lintian errors otherwise) ----
set(BK_CHANGELOG_DATE "Sun, 29 Nov 2026 06:00:00 +0000")
foreach(_pkg buurtkaart-kiosk wijkagenda)
  if(_pkg STREQUAL "buurtkaart-kiosk")
    set(_comp kiosk)
  else()
    set(_comp wijkagenda)
  endif()
  set(BK_PACKAGE ${_pkg})
  configure_file(${CMAKE_CURRENT_LIST_DIR}/changelog.in ${BK_GEN}/${_pkg}/changelog @ONLY)
  # gzip -9n: no name/time stamp, so the package is reproducible (lintian: changelog must be compressed).
  execute_process(COMMAND gzip -9nf ${BK_GEN}/${_pkg}/changelog RESULT_VARIABLE _gz)
  if(NOT _gz EQUAL 0)
    message(FATAL_ERROR "packaging: gzip ${BK_GEN}/${_pkg}/changelog failed")
  endif()
  install(FILES ${BK_GEN}/${_pkg}/changelog.gz ${CMAKE_CURRENT_LIST_DIR}/copyright
          DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/${_pkg} COMPONENT ${_comp})
  # Maintainer scripts get the configured paths too.
  foreach(_s postinst prerm postrm)
    configure_file(${CMAKE_CURRENT_LIST_DIR}/${_comp}/${_s}.in ${BK_GEN}/${_pkg}/control/${_s} @ONLY
                   FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
  endforeach()
endforeach()
# conffiles: everything we ship under /etc (dpkg keeps local edits on upgrade and asks).
file(WRITE ${BK_GEN}/buurtkaart-kiosk/control/conffiles
     "${BK_SYSCONFDIR}/buurtkaart/display.conf\n${BK_SYSCONFDIR}/buurtkaart/kiosk.d/README\n")
file(WRITE ${BK_GEN}/wijkagenda/control/conffiles "${BK_SYSCONFDIR}/nginx/sites-available/wijkagenda\n")

# ---- CPack ---------------------------------------------------------------------------------------------
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME buurtkaart)
set(CPACK_PACKAGE_VENDOR "Buurtkaart Delfshaven")
set(CPACK_PACKAGE_CONTACT "Buurtkaart Delfshaven <buurtkaart@wijkagenda.example.org>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DIRECTORY ${CMAKE_BINARY_DIR}/packages)
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
set(CPACK_STRIP_FILES TRUE)
set(CPACK_SET_DESTDIR ON)               # stage under DESTDIR (the ../etc destinations land in <staging>/etc)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL kiosk wijkagenda)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_COMPRESSION_TYPE gzip)  # the bulk is PNG tiles: xz would spend minutes for ~nothing
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)   # Depends computed from the binaries (dpkg-shlibdeps)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://wijkagenda.example.org/")

set(CPACK_DEBIAN_KIOSK_PACKAGE_NAME buurtkaart-kiosk)
set(CPACK_COMPONENT_KIOSK_DESCRIPTION "touchscreen map and agenda of Delfshaven for a neighbourhood kiosk
Full-screen SDL2 kiosk showing an offline map of Delfshaven (Rotterdam) with
the neighbourhood venues and their activities, read from a signed feed over
HTTP. Runs as a systemd service on KMS/DRM, or on a bare X server of its own
when the graphics driver needs one. Coordinators add settings as drop-ins in
/etc/buurtkaart/kiosk.d.")
# adduser: the kiosk system user. Fonts: Latin + symbols (DejaVu) and Arabic (Noto).
set(CPACK_DEBIAN_KIOSK_PACKAGE_DEPENDS "adduser, fonts-dejavu-core, fonts-noto-core")
# The X11 fallback (bare Xorg started by buurtkaart-xorg.service); KMS/DRM kiosks do without.
set(CPACK_DEBIAN_KIOSK_PACKAGE_RECOMMENDS
    "xserver-xorg-core, xserver-xorg-input-libinput, xauth, x11-xserver-utils, xinput")
set(CPACK_DEBIAN_KIOSK_PACKAGE_CONTROL_EXTRA
    "${BK_GEN}/buurtkaart-kiosk/control/conffiles;${BK_GEN}/buurtkaart-kiosk/control/postinst;${BK_GEN}/buurtkaart-kiosk/control/prerm;${BK_GEN}/buurtkaart-kiosk/control/postrm")

set(CPACK_DEBIAN_WIJKAGENDA_PACKAGE_NAME wijkagenda)
set(CPACK_COMPONENT_WIJKAGENDA_DESCRIPTION "publisher of the Delfshaven neighbourhood agenda feed
Turns the organisations' ICS calendars and a venues sheet into the signed
agenda feed the buurtkaart kiosks read, with ICS subscriptions and a report.
Ships a systemd timer that rebuilds the feed every 5 minutes and an nginx
site that serves it.")
set(CPACK_DEBIAN_WIJKAGENDA_PACKAGE_DEPENDS "adduser")
set(CPACK_DEBIAN_WIJKAGENDA_PACKAGE_RECOMMENDS "nginx | nginx-light")
set(CPACK_DEBIAN_WIJKAGENDA_PACKAGE_SUGGESTS "reprepro")
set(CPACK_DEBIAN_WIJKAGENDA_PACKAGE_CONTROL_EXTRA
    "${BK_GEN}/wijkagenda/control/conffiles;${BK_GEN}/wijkagenda/control/postinst;${BK_GEN}/wijkagenda/control/prerm;${BK_GEN}/wijkagenda/control/postrm")
include(CPack)
