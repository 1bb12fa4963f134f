# The GL loader is generated at build time by glad 2 (python3-glad); --reproducible keeps it offline.
set(GLAD_OUT ${CMAKE_BINARY_DIR}/glad)
add_custom_command(
  OUTPUT ${GLAD_OUT}/src/gl.c ${GLAD_OUT}/include/glad/gl.h
  COMMAND ${GLAD_EXECUTABLE} --quiet --reproducible --api gl:core=3.3 --extensions GL_KHR_debug
          --out-path ${GLAD_OUT} c
  COMMENT "Generating the OpenGL 3.3 core loader with glad"
  VERBATIM)
add_library(dorsum_glad STATIC ${GLAD_OUT}/src/gl.c)
target_include_directories(dorsum_glad PUBLIC ${GLAD_OUT}/include)
set_target_properties(dorsum_glad PROPERTIES POSITION_INDEPENDENT_CODE ON)
