# yaml-cpp, linked as ${PUM_YAML_CPP}: 0.8 exports yaml-cpp::yaml-cpp and
# deprecates the bare name (0.9 warns about it); 0.7 (Debian 12) has only the
# bare name.
find_package(yaml-cpp REQUIRED)
if(TARGET yaml-cpp::yaml-cpp)
  set(PUM_YAML_CPP yaml-cpp::yaml-cpp)
else()
  set(PUM_YAML_CPP yaml-cpp)
endif()
