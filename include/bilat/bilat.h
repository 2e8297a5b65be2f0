/* SPDX-License-Identifier: MIT */
/* libbilat: the one header users include. */
#ifndef BILAT_H
#define BILAT_H

#define BILAT_INSIDE_BILAT_H
#include "bilat-common.h"
#include "bilat-version.h"
#include "bilat-error.h"
#include "bilat-extract.h"
#include "bilat-model.h"
#undef BILAT_INSIDE_BILAT_H

#endif /* BILAT_H */
