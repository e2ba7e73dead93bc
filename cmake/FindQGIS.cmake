# Finds the QGIS C++ development files (libqgis-dev and friends).
#
# QGIS ships a FindQGIS.cmake in <prefix>/share/qgis, but it is not on CMake's
# module path and defines no imported targets, so we keep our own small one.
#
# Hints: QGIS_PREFIX_PATH (cache or environment), CMAKE_PREFIX_PATH.
#
# Result:
#   QGIS_FOUND, QGIS_VERSION (major.minor.patch), QGIS_VERSION_INT (32216)
#   QGIS_INCLUDE_DIR, QGIS_CORE_LIBRARY, QGIS_GUI_LIBRARY
#   QGIS_PLUGIN_DIR       where QGIS loads C++ plugins (absolute)
#   QGIS_QT_VERSION_MAJOR 5 or 6: the Qt QGIS is built on
#   QGIS_AUTH_HEADERS_USABLE  qgsauthmanager.h compiles (QCA and qtkeychain headers found)
#   imported targets QGIS::Core and QGIS::Gui

set(_qgis_hints ${QGIS_PREFIX_PATH} $ENV{QGIS_PREFIX_PATH})

find_path(QGIS_INCLUDE_DIR NAMES qgsapplication.h qgisplugin.h
  HINTS ${_qgis_hints}
  PATH_SUFFIXES include/qgis qgis include)
find_library(QGIS_CORE_LIBRARY NAMES qgis_core HINTS ${_qgis_hints} PATH_SUFFIXES lib lib64)
find_library(QGIS_GUI_LIBRARY NAMES qgis_gui HINTS ${_qgis_hints} PATH_SUFFIXES lib lib64)

if(QGIS_INCLUDE_DIR AND EXISTS "${QGIS_INCLUDE_DIR}/qgsconfig.h")
  file(STRINGS "${QGIS_INCLUDE_DIR}/qgsconfig.h" _qgis_version_line REGEX "^#define _QGIS_VERSION_INT ")
  string(REGEX REPLACE ".*_QGIS_VERSION_INT ([0-9]+).*" "\\1" QGIS_VERSION_INT "${_qgis_version_line}")
  # 32216 -> 3.22.16: the last two digits are the patch, the two before the minor.
  math(EXPR _qgis_major "${QGIS_VERSION_INT} / 10000")
  math(EXPR _qgis_minor "(${QGIS_VERSION_INT} / 100) % 100")
  math(EXPR _qgis_patch "${QGIS_VERSION_INT} % 100")
  set(QGIS_VERSION "${_qgis_major}.${_qgis_minor}.${_qgis_patch}")

  # qgsconfig.h records where QGIS looks for Qt's plugins; its path names the Qt
  # QGIS was built with. QGIS 4 is Qt 6 only.
  file(STRINGS "${QGIS_INCLUDE_DIR}/qgsconfig.h" _qgis_qt_line REGEX "QT_PLUGINS_DIR|QT6|Qt6")
  if(_qgis_major GREATER_EQUAL 4 OR _qgis_qt_line MATCHES "qt6|QT6|Qt6")
    set(QGIS_QT_VERSION_MAJOR 6)
  else()
    set(QGIS_QT_VERSION_MAJOR 5)
  endif()
endif()

# The C++ plugin directory: where QGIS's own C++ plugins (offline editing) live.
if(QGIS_CORE_LIBRARY)
  get_filename_component(_qgis_libdir "${QGIS_CORE_LIBRARY}" DIRECTORY)
  find_path(QGIS_PLUGIN_DIR
    NAMES libofflineeditingplugin.so libgeometrycheckerplugin.so libprovider_postgres.so
    HINTS ${_qgis_libdir}/qgis/plugins ${_qgis_hints}
    PATH_SUFFIXES lib/qgis/plugins lib64/qgis/plugins
    NO_DEFAULT_PATH)
  if(NOT QGIS_PLUGIN_DIR)
    set(QGIS_PLUGIN_DIR "${_qgis_libdir}/qgis/plugins" CACHE PATH "Where QGIS loads C++ plugins" FORCE)
  endif()
endif()

# qgsauthmanager.h includes QCA's <QtCrypto>, installed in its own folder.
if(QGIS_QT_VERSION_MAJOR)
  find_path(QGIS_QCA_INCLUDE_DIR NAMES QtCrypto
    PATH_SUFFIXES Qca-qt${QGIS_QT_VERSION_MAJOR}/QtCrypto QtCrypto)
  find_library(QGIS_QCA_LIBRARY NAMES qca-qt${QGIS_QT_VERSION_MAJOR} qca)
  # qgsauthmanager.h also includes qtkeychain's keychain.h (package
  # qtkeychain-qt5-dev, not a dependency of libqgis-dev): optional, the plugin
  # does not include that header; QGIS_AUTH_HEADERS_USABLE tells the tests.
  find_path(QGIS_KEYCHAIN_INCLUDE_DIR NAMES keychain.h
    PATH_SUFFIXES qt${QGIS_QT_VERSION_MAJOR}keychain)
endif()
if(QGIS_QCA_INCLUDE_DIR AND QGIS_KEYCHAIN_INCLUDE_DIR)
  set(QGIS_AUTH_HEADERS_USABLE TRUE)
else()
  set(QGIS_AUTH_HEADERS_USABLE FALSE)
endif()

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(QGIS
  REQUIRED_VARS QGIS_CORE_LIBRARY QGIS_GUI_LIBRARY QGIS_INCLUDE_DIR QGIS_PLUGIN_DIR
  VERSION_VAR QGIS_VERSION)

if(QGIS_FOUND)
  if(NOT TARGET QGIS::Core)
    add_library(QGIS::Core UNKNOWN IMPORTED)
    set_target_properties(QGIS::Core PROPERTIES
      IMPORTED_LOCATION "${QGIS_CORE_LIBRARY}"
      INTERFACE_INCLUDE_DIRECTORIES "${QGIS_INCLUDE_DIR}")
    if(QGIS_QCA_INCLUDE_DIR)
      set_property(TARGET QGIS::Core APPEND PROPERTY INTERFACE_INCLUDE_DIRECTORIES "${QGIS_QCA_INCLUDE_DIR}")
    endif()
    if(QGIS_KEYCHAIN_INCLUDE_DIR)
      set_property(TARGET QGIS::Core APPEND PROPERTY INTERFACE_INCLUDE_DIRECTORIES "${QGIS_KEYCHAIN_INCLUDE_DIR}")
    endif()
    if(QGIS_QCA_LIBRARY)
      set_property(TARGET QGIS::Core APPEND PROPERTY INTERFACE_LINK_LIBRARIES "${QGIS_QCA_LIBRARY}")
    endif()
  endif()
  if(NOT TARGET QGIS::Gui)
    add_library(QGIS::Gui UNKNOWN IMPORTED)
    set_target_properties(QGIS::Gui PROPERTIES
      IMPORTED_LOCATION "${QGIS_GUI_LIBRARY}"
      INTERFACE_INCLUDE_DIRECTORIES "${QGIS_INCLUDE_DIR}"
      INTERFACE_LINK_LIBRARIES QGIS::Core)
  endif()
endif()

mark_as_advanced(QGIS_KEYCHAIN_INCLUDE_DIR QGIS_QCA_INCLUDE_DIR QGIS_QCA_LIBRARY QGIS_INCLUDE_DIR QGIS_CORE_LIBRARY QGIS_GUI_LIBRARY QGIS_PLUGIN_DIR)
