#ifndef TASKDASH_CSQLITE_SHIM_H
#define TASKDASH_CSQLITE_SHIM_H
#include <sqlite3.h>

/// SQLITE_TRANSIENT is a cast macro that Swift does not import: SQLite copies the bound value.
static inline sqlite3_destructor_type taskdash_sqlite_transient(void) {
  return SQLITE_TRANSIENT;
}
#endif
