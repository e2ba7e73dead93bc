# Debian packages (CPack's DEB generator; scripts/package.sh drives it):
#   pum              /usr/bin/pum, libpum, the Python hook runner, pum(1), bash completion
#   python3-pum      the `pum` Python package, for /usr/bin/python3
#   qgis-plugin-pum  the QGIS plugin and its translations, for the QGIS it was built against
# Depends come from dpkg-shlibdeps, plus what no ELF file says (python3-psycopg,
# the exact QGIS). This is the one Debian-specific file of the build: without
# dpkg it does nothing.

find_program(PUM_DPKG dpkg)
find_program(PUM_DPKG_SHLIBDEPS dpkg-shlibdeps)
if(NOT PUM_DPKG OR NOT PUM_DPKG_SHLIBDEPS)
  message(STATUS "pum: Debian packaging skipped (no dpkg / dpkg-shlibdeps)")
  return()
endif()
execute_process(COMMAND ${PUM_DPKG} --print-architecture OUTPUT_VARIABLE PUM_DEB_ARCH
  OUTPUT_STRIP_TRAILING_WHITESPACE)

set(PUM_DEB_REVISION 1 CACHE STRING "Debian revision of the packages (the N of 1.8.0-N)")
set(PUM_DEB_VERSION ${PROJECT_VERSION}-${PUM_DEB_REVISION})
set(PUM_DEB_MAINTAINER "pum-native maintainers <pum-native@users.noreply.github.com>" CACHE STRING
  "Maintainer field of the Debian packages")
set(PUM_DEB_CLI pum)
set(PUM_DEB_PYTHON python3-pum)
set(PUM_DEB_PLUGIN qgis-plugin-pum)

set(_pum_components cli)
if(TARGET pum_python_module)
  list(APPEND _pum_components python)
endif()
if(TARGET pum_plugin)
  list(APPEND _pum_components plugin)
endif()

# --- /usr/share/doc/<package>: copyright and changelog.Debian.gz ---------------
string(TIMESTAMP _pum_date "%a, %d %b %Y %H:%M:%S +0000" UTC)  # SOURCE_DATE_EPOCH when set
set(_pum_doc_build ${CMAKE_BINARY_DIR}/packaging)
foreach(_component IN LISTS _pum_components)
  string(TOUPPER ${_component} _upper)
  set(_package ${PUM_DEB_${_upper}})
  set(_changelog ${_pum_doc_build}/${_package}/changelog.Debian)
  file(WRITE ${_changelog}
    "${_package} (${PUM_DEB_VERSION}) unstable; urgency=medium\n\n"
    "  * pum-native ${PROJECT_VERSION}.\n\n"
    " -- ${PUM_DEB_MAINTAINER}  ${_pum_date}\n")
  execute_process(COMMAND gzip -9nf ${_changelog} RESULT_VARIABLE _gzip_rc)
  if(NOT _gzip_rc EQUAL 0)
    message(FATAL_ERROR "pum: gzip failed on ${_changelog}")
  endif()
  install(FILES ${PROJECT_SOURCE_DIR}/packaging/debian/copyright ${_changelog}.gz
    DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/${_package} COMPONENT ${_component})
  # lintian's overrides, each with its reason (packaging/debian/lintian/).
  file(READ ${PROJECT_SOURCE_DIR}/packaging/debian/lintian/common _overrides)
  string(REPLACE "PACKAGE" "${_package}" _overrides "${_overrides}")
  if(EXISTS ${PROJECT_SOURCE_DIR}/packaging/debian/lintian/${_package})
    file(READ ${PROJECT_SOURCE_DIR}/packaging/debian/lintian/${_package} _own)
    string(APPEND _overrides "${_own}")
  endif()
  file(WRITE ${_pum_doc_build}/${_package}/lintian-overrides "${_overrides}")
  install(FILES ${_pum_doc_build}/${_package}/lintian-overrides DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/lintian/overrides
    RENAME ${_package} COMPONENT ${_component})
endforeach()

# --- CPack ---------------------------------------------------------------------
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME pum)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT ${PUM_DEB_MAINTAINER})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL ${_pum_components})
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
set(CPACK_PACKAGE_DIRECTORY ${CMAKE_BINARY_DIR}/packages)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE ${PUM_DEB_REVISION})
set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE ${PUM_DEB_ARCH})
set(CPACK_DEBIAN_PACKAGE_MAINTAINER ${PUM_DEB_MAINTAINER})
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Maintainer scripts 0755, other control files 0644, whatever the checkout's modes.
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# libpum is in the pum package, not yet installed when the others are built:
# dpkg-shlibdeps finds it in the build tree, the others depend on pum by name.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS_PRIVATE_DIRS ${CMAKE_BINARY_DIR}/${CMAKE_INSTALL_LIBDIR})
set(_pum_same "${PUM_DEB_CLI} (= ${PUM_DEB_VERSION})")

set(CPACK_DEBIAN_CLI_PACKAGE_NAME ${PUM_DEB_CLI})
set(CPACK_DEBIAN_CLI_PACKAGE_SECTION database)
set(CPACK_DEBIAN_CLI_PACKAGE_RECOMMENDS ${PUM_DEB_PYTHON})
set(CPACK_DEBIAN_CLI_PACKAGE_SUGGESTS "postgresql-client")
# libpum's shlibs (what a package linking it must depend on); the linker cache
# is refreshed by the ldconfig trigger.
file(WRITE ${_pum_doc_build}/shlibs "libpum 1 ${_pum_same}\n")
set(CPACK_DEBIAN_CLI_PACKAGE_CONTROL_EXTRA ${_pum_doc_build}/shlibs
  ${PROJECT_SOURCE_DIR}/packaging/debian/pum/triggers)
set(CPACK_DEBIAN_CLI_DESCRIPTION "PostgreSQL Upgrades Manager, native command line
Installs and upgrades PostgreSQL/PostGIS datamodels versioned as pum
modules (a .pum.yaml, SQL changelogs per version, SQL or Python hooks),
each command in one transaction. Same commands and flags as pum's
command line; databases keep pum's pum_migrations table.")

if(TARGET pum_python_module)
  set(CPACK_DEBIAN_PYTHON_PACKAGE_NAME ${PUM_DEB_PYTHON})
  set(CPACK_DEBIAN_PYTHON_PACKAGE_SECTION python)
  math(EXPR _pum_python_next "${Python3_VERSION_MINOR} + 1")
  # The extension is built for one Python minor version (its ABI tag says so).
  set(CPACK_DEBIAN_PYTHON_PACKAGE_DEPENDS "${_pum_same}, python3-psycopg, \
python3 (>= ${Python3_VERSION_MAJOR}.${Python3_VERSION_MINOR}), \
python3 (<< ${Python3_VERSION_MAJOR}.${_pum_python_next})")
  set(CPACK_DEBIAN_PYTHON_PACKAGE_CONTROL_EXTRA
    ${PROJECT_SOURCE_DIR}/packaging/debian/python3-pum/postinst
    ${PROJECT_SOURCE_DIR}/packaging/debian/python3-pum/prerm)
  set(CPACK_DEBIAN_PYTHON_DESCRIPTION "PostgreSQL Upgrades Manager, native: Python module
The pum package for the system's Python 3: the API that pum modules'
Python hooks and scripts import (HookBase, PumConfig, Upgrader...),
on pum-native's engine.")
endif()

if(TARGET pum_plugin)
  # The QGIS the plugin is compiled against: QGIS breaks its C++ ABI between
  # releases, so the plugin accepts no other (a mismatch would crash QGIS at start).
  file(STRINGS "${PUM_QGIS_INCLUDE_DIR}/qgsconfig.h" _qgis_line REGEX "^#define _QGIS_VERSION_INT ")
  string(REGEX REPLACE ".*_QGIS_VERSION_INT ([0-9]+).*" "\\1" _qgis_int "${_qgis_line}")
  math(EXPR _qgis_major "${_qgis_int} / 10000")
  math(EXPR _qgis_minor "(${_qgis_int} / 100) % 100")
  math(EXPR _qgis_patch "${_qgis_int} % 100")
  math(EXPR _qgis_next "${_qgis_patch} + 1")
  set(_qgis "${_qgis_major}.${_qgis_minor}")
  set(CPACK_DEBIAN_PLUGIN_PACKAGE_NAME ${PUM_DEB_PLUGIN})
  set(CPACK_DEBIAN_PLUGIN_PACKAGE_SECTION science)
  set(CPACK_DEBIAN_PLUGIN_PACKAGE_DEPENDS
    "${_pum_same}, qgis (>= ${_qgis}.${_qgis_patch}), qgis (<< ${_qgis}.${_qgis_next}~)")
  set(CPACK_DEBIAN_PLUGIN_PACKAGE_RECOMMENDS ${PUM_DEB_PYTHON})
  set(CPACK_DEBIAN_PLUGIN_DESCRIPTION "PostgreSQL Upgrades Manager, native: QGIS plugin
Database > Datamodel manager (pum) in QGIS ${_qgis}.${_qgis_patch}: install
and upgrade pum modules on a saved PostgreSQL connection, in a
background task with progress and cancel.")
endif()

include(CPack)
