#ifndef TASKDASH_CNCURSES_SHIM_H
#define TASKDASH_CNCURSES_SHIM_H
// SwiftPM drops pkg-config's -D_XOPEN_SOURCE, which hides the wide-character API.
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <langinfo.h>
#include <ncursesw/curses.h>

// Attributes and a few globals are macros or mutable globals that Swift cannot import.
static inline attr_t taskdash_a_normal(void) { return A_NORMAL; }
static inline attr_t taskdash_a_bold(void) { return A_BOLD; }
static inline attr_t taskdash_a_reverse(void) { return A_REVERSE; }
static inline attr_t taskdash_a_underline(void) { return A_UNDERLINE; }
static inline attr_t taskdash_a_dim(void) { return A_DIM; }
static inline int taskdash_has_colors(void) { return has_colors(); }
static inline int taskdash_colors(void) { return COLORS; }
#endif
