#ifndef TASKDASH_CNCURSES_SHIM_H
#define TASKDASH_CNCURSES_SHIM_H
// SwiftPM drops pkg-config's -D_XOPEN_SOURCE, which hides the wide-character API.
#define NCURSES_WIDECHAR 1
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Attributes and a few globals are macros or mutable globals that Swift cannot import.
static inline attr_t taskdash_a_normal(void) { return A_NORMAL; }
static inline attr_t taskdash_a_bold(void) { return A_BOLD; }
static inline attr_t taskdash_a_reverse(void) { return A_REVERSE; }
static inline attr_t taskdash_a_underline(void) { return A_UNDERLINE; }
static inline attr_t taskdash_a_dim(void) { return A_DIM; }
static inline int taskdash_has_colors(void) { return has_colors(); }
static inline int taskdash_colors(void) { return COLORS; }
static inline int taskdash_color_pairs(void) { return COLOR_PAIRS; }
static inline WINDOW *taskdash_stdscr(void) { return stdscr; }
static inline int taskdash_wcwidth(wchar_t c) { return wcwidth(c); }

// Mouse reporting: clicks, double clicks and the wheel (buttons 4 and 5); the masks are macros.
static inline int taskdash_enable_mouse(void) {
  mmask_t wanted = BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED;
  return mousemask(wanted, NULL) == wanted ? 0 : -1;
}

enum {
  TASKDASH_MOUSE_NONE = 0,
  TASKDASH_MOUSE_CLICK = 1,
  TASKDASH_MOUSE_DOUBLE_CLICK = 2,
  TASKDASH_MOUSE_WHEEL_UP = 3,
  TASKDASH_MOUSE_WHEEL_DOWN = 4,
};

/// The pending mouse event after KEY_MOUSE: one of the kinds above, and its cell.
static inline int taskdash_mouse_event(int *x, int *y) {
  MEVENT event;
  if (getmouse(&event) != OK) return TASKDASH_MOUSE_NONE;
  *x = event.x;
  *y = event.y;
  if (event.bstate & BUTTON1_DOUBLE_CLICKED) return TASKDASH_MOUSE_DOUBLE_CLICK;
  if (event.bstate & BUTTON1_CLICKED) return TASKDASH_MOUSE_CLICK;
  if (event.bstate & BUTTON4_PRESSED) return TASKDASH_MOUSE_WHEEL_UP;
  if (event.bstate & BUTTON5_PRESSED) return TASKDASH_MOUSE_WHEEL_DOWN;
  return TASKDASH_MOUSE_NONE;
}

// ---------------------------------------------------------------------------------------------
// Terminal guard: gives the terminal back on signals, crashes and exit().
//
// Every static inline function here is emitted once per object file that uses it, with its own
// copy of any static it holds (Swift does not emit plain static globals from a header at all).
// The one static slot, the current guard, is therefore read only by the handlers and written
// only by `taskdash_guard_install`, which installs the handlers of its own copy. Everything else
// reaches the state through the pointer the caller owns, so no copy ever sees a stale flag.

enum {
  TASKDASH_GUARD_SIGNAL_COUNT = 12,
  TASKDASH_GUARD_LEAVE_CAPACITY = 512,
};

/// State shared between the program and its signal handlers; allocate once, never free.
typedef struct taskdash_guard {
  volatile sig_atomic_t termination_signal;
  volatile sig_atomic_t suspend_requested;
  volatile sig_atomic_t stopped_in_place;
  volatile sig_atomic_t screen_active;
  int installed;
  int tty_fd;
  int has_termios;
  struct termios saved_termios;
  size_t leave_length;
  char leave_bytes[TASKDASH_GUARD_LEAVE_CAPACITY];
  struct sigaction previous[TASKDASH_GUARD_SIGNAL_COUNT];
} taskdash_guard;

static inline taskdash_guard **taskdash_guard_slot(void) {
  static taskdash_guard *current;
  return &current;
}

static inline int *taskdash_guard_atexit_slot(void) {
  static int registered;
  return &registered;
}

static inline int taskdash_guard_signal_at(int index) {
  static const int signals[TASKDASH_GUARD_SIGNAL_COUNT] = {
      SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP, SIGPIPE,
      SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP,
  };
  return signals[index];
}

static inline int taskdash_guard_index_of(int sig) {
  for (int i = 0; i < TASKDASH_GUARD_SIGNAL_COUNT; i++) {
    if (taskdash_guard_signal_at(i) == sig) return i;
  }
  return -1;
}

// Async-signal-safe: write(2) and tcsetattr(3) only.
static inline void taskdash_guard_emergency_restore(taskdash_guard *g) {
  if (g == NULL || !g->screen_active) return;
  g->screen_active = 0;
  size_t done = 0;
  while (done < g->leave_length) {
    ssize_t n = write(g->tty_fd, g->leave_bytes + done, g->leave_length - done);
    if (n > 0) {
      done += (size_t)n;
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else {
      break;
    }
  }
  // TCSANOW: TCSADRAIN could block forever on a terminal stopped by Ctrl-S.
  if (g->has_termios) tcsetattr(g->tty_fd, TCSANOW, &g->saved_termios);
}

static inline void taskdash_guard_reraise_default(int sig) {
  struct sigaction dfl;
  memset(&dfl, 0, sizeof dfl);
  dfl.sa_handler = SIG_DFL;
  sigemptyset(&dfl.sa_mask);
  sigaction(sig, &dfl, NULL);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, sig);
  raise(sig);
  pthread_sigmask(SIG_UNBLOCK, &set, NULL);
}

static void taskdash_guard_on_termination(int sig) {
  taskdash_guard *g = *taskdash_guard_slot();
  if (g == NULL) return;
  int saved_errno = errno;
  if (g->termination_signal != 0) {
    // A second request: the run loop is not answering, so leave at once.
    taskdash_guard_emergency_restore(g);
    taskdash_guard_reraise_default(sig);
  } else {
    g->termination_signal = sig;
  }
  errno = saved_errno;
}

static void taskdash_guard_on_suspend(int sig) {
  taskdash_guard *g = *taskdash_guard_slot();
  if (g == NULL) return;
  int saved_errno = errno;
  if (g->screen_active && !g->suspend_requested) {
    // The run loop suspends from the main thread, where ncurses may be called.
    g->suspend_requested = 1;
  } else {
    // Not answered by the run loop, or no screen to put away: stop now, restoring in place.
    int was_active = g->screen_active;
    taskdash_guard_emergency_restore(g);
    struct sigaction ours;
    sigaction(sig, NULL, &ours);
    taskdash_guard_reraise_default(sig);
    sigaction(sig, &ours, NULL);
    g->suspend_requested = 0;
    if (was_active) {
      g->screen_active = 1;
      g->stopped_in_place = 1;
    }
  }
  errno = saved_errno;
}

static void taskdash_guard_on_crash(int sig, siginfo_t *info, void *context) {
  (void)context;
  taskdash_guard *g = *taskdash_guard_slot();
  int index = taskdash_guard_index_of(sig);
  if (g != NULL) taskdash_guard_emergency_restore(g);
  if (g != NULL && index >= 0 && g->installed && g->previous[index].sa_handler != SIG_IGN) {
    // Chain to whoever was there before (the Swift runtime's backtracer, or the default).
    sigaction(sig, &g->previous[index], NULL);
  } else {
    struct sigaction dfl;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    sigaction(sig, &dfl, NULL);
  }
  // A hardware fault re-executes its instruction on return and faults again into the chained
  // handler with the real context; a sent signal (kill, raise, abort) must be sent again.
  // x86 int3 leaves the program counter after the trap, so SIGTRAP is always sent again.
  if (info == NULL || info->si_code <= 0 || sig == SIGTRAP) raise(sig);
}

static void taskdash_guard_at_exit(void) {
  taskdash_guard *g = *taskdash_guard_slot();
  if (g != NULL && g->installed) taskdash_guard_emergency_restore(g);
}

// A stack overflow faults on the guard page: without a stack of its own the crash handler
// cannot run, and the terminal would stay in curses mode. The stack is never freed.
static inline void taskdash_guard_ensure_alternate_stack(void) {
  stack_t current;
  if (sigaltstack(NULL, &current) == 0 && !(current.ss_flags & SS_DISABLE)) return;
  stack_t stack;
  memset(&stack, 0, sizeof stack);
  stack.ss_size = 64 * 1024;
  stack.ss_sp = malloc(stack.ss_size);
  if (stack.ss_sp != NULL) sigaltstack(&stack, NULL);
}

/// Installs the handlers; call before newterm so ncurses keeps its own handlers out.
static inline int taskdash_guard_install(taskdash_guard *g) {
  *taskdash_guard_slot() = g;
  taskdash_guard_ensure_alternate_stack();
  for (int i = 0; i < TASKDASH_GUARD_SIGNAL_COUNT; i++) {
    int sig = taskdash_guard_signal_at(i);
    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    if (sig == SIGPIPE) {
      action.sa_handler = SIG_IGN;
    } else if (sig == SIGINT || sig == SIGTERM || sig == SIGHUP || sig == SIGQUIT) {
      action.sa_handler = taskdash_guard_on_termination;
      action.sa_flags = SA_RESTART;
    } else if (sig == SIGTSTP) {
      action.sa_handler = taskdash_guard_on_suspend;
      action.sa_flags = SA_RESTART;
    } else {
      action.sa_sigaction = taskdash_guard_on_crash;
      action.sa_flags = SA_SIGINFO | SA_ONSTACK;
    }
    if (sigaction(sig, &action, &g->previous[i]) != 0) return -1;
  }
  g->installed = 1;
  if (!*taskdash_guard_atexit_slot()) {
    *taskdash_guard_atexit_slot() = 1;
    atexit(taskdash_guard_at_exit);
  }
  return 0;
}

/// Puts back the dispositions found at install time.
static inline void taskdash_guard_uninstall(taskdash_guard *g) {
  if (!g->installed) return;
  g->installed = 0;
  for (int i = 0; i < TASKDASH_GUARD_SIGNAL_COUNT; i++) {
    sigaction(taskdash_guard_signal_at(i), &g->previous[i], NULL);
  }
}

static inline int taskdash_guard_save_termios(taskdash_guard *g, int fd) {
  g->tty_fd = fd;
  g->has_termios = tcgetattr(fd, &g->saved_termios) == 0;
  return g->has_termios ? 0 : -1;
}

static inline int taskdash_guard_restore_termios(const taskdash_guard *g) {
  if (!g->has_termios) return -1;
  return tcsetattr(g->tty_fd, TCSADRAIN, &g->saved_termios);
}

/// Turns off XON/XOFF flow control on the terminal at `fd`, so Ctrl-S reaches the program as
/// a key instead of freezing its output until Ctrl-Q.
static inline int taskdash_disable_flow_control(int fd) {
  struct termios modes;
  if (tcgetattr(fd, &modes) != 0) return -1;
  modes.c_iflag &= ~(tcflag_t)(IXON | IXOFF);
  return tcsetattr(fd, TCSANOW, &modes);
}

static inline int taskdash_guard_set_leave_bytes(taskdash_guard *g, const char *bytes, size_t length) {
  if (length > TASKDASH_GUARD_LEAVE_CAPACITY) return -1;
  memcpy(g->leave_bytes, bytes, length);
  g->leave_length = length;
  return 0;
}

static inline int taskdash_guard_termination_signal(const taskdash_guard *g) { return g->termination_signal; }
static inline int taskdash_guard_suspend_requested(const taskdash_guard *g) { return g->suspend_requested; }
static inline void taskdash_guard_clear_suspend(taskdash_guard *g) { g->suspend_requested = 0; }
static inline int taskdash_guard_take_stopped_in_place(taskdash_guard *g) {
  int stopped = g->stopped_in_place;
  g->stopped_in_place = 0;
  return stopped;
}
static inline void taskdash_guard_set_screen_active(taskdash_guard *g, int active) { g->screen_active = active; }
static inline int taskdash_guard_screen_active(const taskdash_guard *g) { return g->screen_active; }

/// Stops the process as the default SIGTSTP would, then puts the guard's handler back.
static inline void taskdash_guard_stop_process(void) {
  struct sigaction ours;
  sigaction(SIGTSTP, NULL, &ours);
  taskdash_guard_reraise_default(SIGTSTP);
  sigaction(SIGTSTP, &ours, NULL);
}

// ---------------------------------------------------------------------------------------------
// Terminal probe. term.h defines a macro for every capability's long name (`lines`, `tab`, ...),
// so it comes last and the code below uses prefixed names only.
#include <ncursesw/term.h>

enum {
  TASKDASH_PROBE_USABLE = 0,
  TASKDASH_PROBE_UNKNOWN = 1,
  TASKDASH_PROBE_NO_DATABASE = 2,
  TASKDASH_PROBE_INCAPABLE = 3,
  TASKDASH_PROBE_CAP_CAPACITY = 128,
};

/// The terminfo strings that leave curses mode, as found (padding not yet removed).
typedef struct taskdash_probe_caps {
  char sgr0[TASKDASH_PROBE_CAP_CAPACITY];
  char cnorm[TASKDASH_PROBE_CAP_CAPACITY];
  char rmkx[TASKDASH_PROBE_CAP_CAPACITY];
  char rmcup[TASKDASH_PROBE_CAP_CAPACITY];
} taskdash_probe_caps;

static inline void taskdash_probe_copy_cap(char *td_dst, const char *td_capname) {
  const char *td_value = tigetstr(td_capname);
  td_dst[0] = 0;
  if (td_value == NULL || td_value == (const char *)-1) return;
  if (strlen(td_value) >= TASKDASH_PROBE_CAP_CAPACITY) return;
  strcpy(td_dst, td_value);
}

/// Looks `td_name` up in terminfo without writing anything to the terminal.
static inline int taskdash_probe_terminal(const char *td_name, int td_fd, taskdash_probe_caps *td_caps) {
  TERMINAL *td_previous = cur_term;
  int td_status = 0;
  if (setupterm(td_name, td_fd, &td_status) != OK) {
    set_curterm(td_previous);
    if (td_status == -1) return TASKDASH_PROBE_NO_DATABASE;
    return td_status == 1 ? TASKDASH_PROBE_INCAPABLE : TASKDASH_PROBE_UNKNOWN;
  }
  const char *td_cup = tigetstr("cup");
  int td_usable = td_cup != NULL && td_cup != (const char *)-1 && tigetflag("hc") <= 0 && tigetflag("gn") <= 0;
  taskdash_probe_copy_cap(td_caps->sgr0, "sgr0");
  taskdash_probe_copy_cap(td_caps->cnorm, "cnorm");
  taskdash_probe_copy_cap(td_caps->rmkx, "rmkx");
  taskdash_probe_copy_cap(td_caps->rmcup, "rmcup");
  TERMINAL *td_probe = set_curterm(td_previous);
  del_curterm(td_probe);
  return td_usable ? TASKDASH_PROBE_USABLE : TASKDASH_PROBE_INCAPABLE;
}
#endif
