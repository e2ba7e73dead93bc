# What differs between platforms in the build, in one place.
#
# PUM_RPATH_ORIGIN: how a binary names its own folder in its run path, so that
# the CLI, the Python extension and the plugin find libpum next to them in the
# build tree and once installed, without LD_LIBRARY_PATH. Windows has no run
# path (DLLs are found next to the executable or on PATH).
if(APPLE)
  set(PUM_RPATH_ORIGIN "@loader_path")
else()
  set(PUM_RPATH_ORIGIN "$ORIGIN")
endif()
set(CMAKE_BUILD_RPATH_USE_ORIGIN ON)
set(CMAKE_INSTALL_RPATH "${PUM_RPATH_ORIGIN}/../${CMAKE_INSTALL_LIBDIR}")
