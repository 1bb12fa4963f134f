# Embeds every file of shaders/ into the binary, so the program runs from any directory.
include(${CMAKE_SOURCE_DIR}/cmake/EmbedFiles.cmake)
file(GLOB DORSUM_SHADER_FILES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/shaders/*.vert
     ${CMAKE_SOURCE_DIR}/shaders/*.frag ${CMAKE_SOURCE_DIR}/shaders/*.glsl)
set(DORSUM_EMBEDDED_SHADERS ${CMAKE_BINARY_DIR}/generated/embedded_shaders.cpp)
dorsum_embed_files(OUT ${DORSUM_EMBEDDED_SHADERS} NAMESPACE dorsum::render SYMBOL embeddedShaders
                   COMMENT "Embedding shaders" FILES ${DORSUM_SHADER_FILES})
