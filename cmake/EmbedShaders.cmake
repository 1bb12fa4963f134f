# Embeds every file of shaders/ into the binary, so the program runs from any directory.
file(GLOB DORSUM_SHADER_FILES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/shaders/*.vert
     ${CMAKE_SOURCE_DIR}/shaders/*.frag ${CMAKE_SOURCE_DIR}/shaders/*.glsl)
set(DORSUM_EMBEDDED_SHADERS ${CMAKE_BINARY_DIR}/generated/embedded_shaders.cpp)
add_custom_command(
  OUTPUT ${DORSUM_EMBEDDED_SHADERS}
  COMMAND ${CMAKE_COMMAND} -DOUT=${DORSUM_EMBEDDED_SHADERS} "-DFILES=${DORSUM_SHADER_FILES}"
          -DNAMESPACE=dorsum::render -DSYMBOL=embeddedShaders -P ${CMAKE_SOURCE_DIR}/cmake/embed_files.cmake
  DEPENDS ${DORSUM_SHADER_FILES} ${CMAKE_SOURCE_DIR}/cmake/embed_files.cmake
  COMMENT "Embedding shaders"
  VERBATIM)
