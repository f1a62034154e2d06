// glibc's malloc.h (mallopt and its parameters), which Swift's Glibc module leaves out.
// Imported rather than looked up with dlsym: a statically linked chaff has no dynamic symbol
// table to look in. Empty where the C library is not glibc.
#if defined(__linux__) && defined(__has_include)
#if __has_include(<features.h>)
#include <features.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#endif
#endif
