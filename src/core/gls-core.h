/* gls-core.h
 * Everything the window and the command-line tool use from the core. */
#pragma once

#include "gls-adjudication.h"
#include "gls-agreement.h"
#include "gls-annotation.h"
#include "gls-annotation-list.h"
#include "gls-category.h"
#include "gls-codebook.h"
#include "gls-corpus.h"
#include "gls-corpus-search.h"
#include "gls-document.h"
#include "gls-document-codebook.h"
#include "gls-document-file.h"
#include "gls-error.h"
#include "gls-file-reader.h"
#include "gls-palette.h"
#include "gls-passage.h"
#include "gls-refi-qda.h"
#include "gls-links.h"
#include "gls-source.h"
#include "gls-stats-csv.h"
#include "gls-work-state.h"
