#ifndef TASKDASH_CLIBPQ_SHIM_H
#define TASKDASH_CLIBPQ_SHIM_H
#include <libpq-fe.h>
#endif
