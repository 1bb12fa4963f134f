/* Linked into the sanitizer build's dorsum only (tests/CMakeLists.txt). dlclose does nothing, so a
 * library loaded at run time (Mesa's driver, which the EGL loader unloads at eglTerminate) stays
 * mapped until exit: LeakSanitizer then sees what the library's globals still hold and names its
 * frames, instead of reporting the driver's live allocations as leaks of '<unknown module>'. */
#include <dlfcn.h>

int dlclose(void* handle) {
  (void)handle;
  return 0;
}
