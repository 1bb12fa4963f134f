#pragma once
// The GL loader. Only files under src/render/ may include this header (and so call GL); core,
// ui and app never do. The public headers of render/ speak in plain unsigned ids so that their
// users need no GL header either.
#include <glad/gl.h>
